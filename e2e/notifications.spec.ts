// The notification centre in the browser: a compliance officer who takes a case is told; a drill that
// pushes accounts to the hard floor puts a new liquidation ticket in the risk desk's bell. (A failed
// withdrawal told to its approver is in e2e/unverified/, see there; market alerts on watched symbols,
// SLA breaches, payments, parameter/access approvals and on-call pages are covered per recipient in
// tests/notifications.int.test.ts.)
import type { Page } from "@playwright/test";
import { claimStaff, expect, signIn, test } from "./fixtures";

/** A tRPC call from the page (its session cookie and Origin); returns status and data. */
async function call(page: Page, p: string, input: unknown, method: "POST" | "GET" = "POST") {
  return page.evaluate(
    async ([p, i, m]) => {
      const res =
        m === "GET"
          ? await fetch(`/api/trpc/${p}?input=${encodeURIComponent(JSON.stringify({ json: i }))}`)
          : await fetch(`/api/trpc/${p}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ json: i }),
            });
      const body = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
      return { status: res.status, data: body.result?.data?.json, error: body.error };
    },
    [p, input, method] as const,
  );
}

/** The demo server's bank-callback secret (derived from its auth secret, as server/payments/callback.ts does). */

async function openBell(page: Page) {
  await page.getByTestId("notification-bell").click();
  return page.getByTestId("notification-list");
}

test("a compliance officer who takes a case is told, and the link opens the case", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "compliance@demo.local", { timeout: 150_000 });
  const people = (await call(page, "surveillance.assignees", null, "GET")).data as { id: string; email: string }[];
  const me = people.find((p) => p.email === "compliance@demo.local");
  const cases = (await call(page, "surveillance.cases", { limit: 50 }, "GET")).data as { id: string }[];
  expect(me && cases.length > 0).toBeTruthy();
  const caseId = cases[0]!.id;
  expect((await call(page, "surveillance.assign", { id: caseId, assigneeId: me!.id })).status).toBe(200);
  const list = await openBell(page);
  const item = list.locator('[data-kind="case.assigned"]').first();
  await expect(item).toContainText("Case assigned to you", { timeout: 30_000 });
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/compliance/cases/${caseId}$`));
});

// The gap hits a sector no later spec drills (the liquidation spec gaps 证券, the on-call spec 新能源), so
// their accounts are still unliquidated when they run.
test("a hard-floor drill puts a new liquidation ticket in the risk desk's bell", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const ctx = await browser.newContext();
  try {
    const riskPage = await ctx.newPage();
    const admin = claimStaff("ADMIN");
    await Promise.all([
      signIn(page, admin.email, { timeout: 150_000 }),
      signIn(riskPage, "risk@demo.local", { timeout: 150_000 }),
    ]);
    expect(
      (await call(page, "monitoring.runDrill", { kind: "SECTOR_GAP", sector: "半导体", magnitude: 0.35 })).status,
    ).toBe(200);
    await expect(riskPage.getByTestId("notification-count")).toBeVisible({ timeout: 120_000 });
    const list = await openBell(riskPage);
    await expect(list.locator('[data-kind="liquidation.ticket"]').first()).toContainText("New liquidation ticket", {
      timeout: 120_000,
    });
  } finally {
    await ctx.close();
  }
});
