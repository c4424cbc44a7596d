// Browser hygiene: every response carries the security headers, pages run only scripts with the
// request's CSP nonce and still work (no CSP violation while signing in and moving around), no
// other site can frame the app, and a cross-site form cannot post to the tRPC endpoint.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * Another origin and site (127.0.0.1 vs localhost), served for real on loopback: Chromium's
 * Private Network Access blocks a routed (public) page from reaching localhost before the app's
 * own headers could be tested.
 */
async function serveAttackerPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("pages and API responses carry the security headers; no HSTS over plain http", async ({ request }) => {
  const page = await request.get("/signin");
  const h = page.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"] ?? "")?.[1];
  const again = /'nonce-([^']+)'/.exec((await request.get("/signin")).headers()["content-security-policy"] ?? "")?.[1];
  expect(again).not.toBe(nonce); // a fresh nonce per request

  const api = (await request.get("/api/v1/health")).headers();
  expect(api["x-frame-options"]).toBe("DENY");
  expect(api["x-content-type-options"]).toBe("nosniff");
  expect(api["content-security-policy"]).toContain("default-src 'none'");

  const unknown = await request.get("/api/v1/no-such-endpoint");
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
});

test("signed-in pages render and work under the CSP with no violations", async ({ page }) => {
  const violations = collectCspViolations(page);
  await signIn(page, "risk@demo.local");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  // Every inline script the server sent carries this response's nonce.
  const unsigned = await page.evaluate(
    () => [...document.querySelectorAll("script:not([src])")].filter((s) => !(s as HTMLScriptElement).nonce).length,
  );
  expect(unsigned).toBe(0);
  for (const name of ["Accounts", "Market"]) {
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
  // The page's own tRPC mutations still pass the JSON and Origin checks (a bad code is the procedure's 400).
  const status = await page.evaluate(async () => {
    const res = await fetch("/api/trpc/auth.stepUp", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { code: "x" } }),
    });
    return res.status;
  });
  expect(status).toBe(400);
});

test("another site cannot frame the approvals page, even signed in", async ({ page }) => {
  await signIn(page, "risk@demo.local"); // no TOTP step to wait for; the frame is refused for any user
  const target = new URL("/payments/approvals", page.url()).toString();
  const attacker = await serveAttackerPage(
    `<!doctype html><h1>prize</h1><iframe id="victim" src="${target}" width="800" height="600"></iframe>`,
  );
  // Cross-site frames get no Lax session cookie, so the framed approvals page may answer with the sign-in page.
  const framed = page.waitForResponse(
    (res) => res.status() === 200 && (res.url() === target || res.url().includes("/signin")),
  );
  await page.goto(attacker.url);
  expect((await framed).headers()["x-frame-options"]).toBe("DENY");
  // Chromium refuses to render the framed document and leaves its error page in its place.
  const frame = page.frameLocator("#victim");
  await expect
    .poll(async () => (await page.locator("#victim").elementHandle())?.contentFrame().then((f) => f?.url()))
    .toMatch(/^chrome-error:/);
  await expect(frame.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
  await expect(frame.getByLabel("Email")).toHaveCount(0);
  await attacker.close();
});

test("a cross-site form post to the tRPC endpoint is refused", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const endpoint = new URL("/api/trpc/auth.stepUp", page.url()).toString();
  const attacker = await serveAttackerPage(
    `<!doctype html><form id="f" method="post" enctype="multipart/form-data" action="${endpoint}"><input name="x" value="1"></form><script>document.getElementById("f").submit()</script>`,
  );
  const answer = page.waitForResponse((res) => res.url() === endpoint);
  await page.goto(attacker.url);
  expect([403, 415]).toContain((await answer).status());
  await attacker.close();
});
