// The integration API: health without auth; audit verification needs a permitted role, by
// session cookie or by a bearer token its owner creates in the browser.
import { expect, signIn, test } from "./fixtures";

test("health is public and reports the embedded database", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    status: string;
    db: string;
    engine: { leader: boolean };
    feed: { source: string };
  };
  expect(body).toMatchObject({ status: "ok", db: "pglite", engine: { leader: true }, feed: { status: "ok" } });
  expect(body.feed.source).toMatch(/^sim-/); // the feed supervisor's active simulator vendor
  const spec = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/health", "/audit/verify"]));
});

test("audit verification: 401 anonymous, 403 for risk, ok for an auditor", async ({ page, request }) => {
  const anon = await request.get("/api/v1/audit/verify");
  expect(anon.status()).toBe(401);
  expect(((await anon.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  await signIn(page, "risk@demo.local");
  expect((await page.request.get("/api/v1/audit/verify")).status()).toBe(403);
});

test("the auditor creates a read-only bearer token for an integration, then revokes it", async ({
  page,
  playwright,
}) => {
  await signIn(page, "auditor@demo.local");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "My sessions and tokens" })
    .click();
  // The page's token list has loaded (a create racing the list's first read left the list stale).
  await expect(page.getByRole("region", { name: "My API tokens" }).getByText("No API tokens.")).toBeVisible();
  await page.getByLabel("Token name").fill("regulator feed");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent()) ?? "";
  expect(token).toMatch(/^md_/);
  await expect(page.getByRole("row", { name: /regulator feed/ })).toContainText("read");
  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const ok = await api.get("/api/v1/audit/verify", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, firstBrokenId: null });
  await page
    .getByRole("row", { name: /regulator feed/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /regulator feed/ })).toContainText("Revoked");
  expect((await api.get("/api/v1/audit/verify", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await api.dispose();
});

test("the audit trail shows sign-ins and verifies in the browser", async ({ page }) => {
  await signIn(page, "compliance@demo.local");
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.getByLabel("Action starts with").fill("auth.signIn");
  await expect(page.getByRole("cell", { name: "compliance@demo.local" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Chain intact");
});
