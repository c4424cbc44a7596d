// The liquidation queue end to end (R5-R8). The e2e server runs the clock 30x (a simulated minute every
// 2 s) with a 600 s review window (20 s of wall time). The admin's MARKET_CRASH drill pushes demo
// accounts below the liquidation line; the risk user sees tickets arrive on the queue with a live
// countdown, holds one with a reason and sees the hold; another ticket executes by itself at its
// deadline, and its account page shows the fills, a higher margin level and the ledger entries.
import type { Page } from "@playwright/test";
import { claimStaff, expect, signIn, test } from "./fixtures";

/** The first number in a text ("0.934", "1,204.5"): margin levels as the pages print them. */
function numberIn(text: string | null): number {
  const m = (text ?? "").replace(/,/g, "").match(/-?\d+(\.\d+)?/);
  return m ? Number(m[0]) : NaN;
}

async function crashTheMarket(page: Page): Promise<void> {
  await page.goto("/market/feeds");
  await expect(page.getByTestId("feed-status")).toBeVisible();
  await page.getByLabel("Scenario").selectOption("MARKET_CRASH");
  await page.getByRole("button", { name: "Inject" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: /injected on \d+ symbols/ })).toBeVisible();
}

test("a market crash opens tickets with a live countdown; one is held with a reason, another executes at its deadline and shows on its account", async ({
  page,
  browser,
}) => {
  // Two sign-ins, a drill, a 20 s review window and the account page: well within two minutes.
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
  const [heldId, autoId] = await Promise.all([
    inReview.nth(0).getAttribute("data-ticket"),
    inReview.nth(1).getAttribute("data-ticket"),
  ]);
  expect(heldId && autoId && heldId !== autoId).toBeTruthy();
  const row = (id: string | null) => page.locator(`[data-testid=ticket-row][data-ticket="${id ?? ""}"]`);
  const timer = row(autoId).getByRole("timer");
  const shown = await timer.textContent();
  await expect(timer).not.toHaveText(shown ?? "");

  // Hold the first one with a reason: the dialog says what happens, the hold is listed with the reason.
  const held = row(heldId);
  const heldCode = await held.getAttribute("data-account");
  await held.getByRole("button", { name: `Show ticket for ${heldCode ?? ""}` }).click();
  const detail = page.getByTestId("ticket-detail");
  await detail.getByRole("button", { name: /^Hold/ }).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog.getByTestId("confirm-what")).toContainText(`Hold the ticket for ${heldCode ?? ""}`);
  await dialog.getByLabel("Reason (required)").fill("Client wiring funds, confirmed by phone");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(detail.getByTestId("ticket-holds")).toContainText("Client wiring funds, confirmed by phone");
  await expect(detail.getByTestId("ticket-holds")).toContainText("risk@demo.local");
  await expect(detail.getByTestId("ticket-events")).toContainText(/hold/i);

  // The other one nobody touches: at its deadline it executes by itself; its account page shows it.
  const autoRow = row(autoId);
  const autoMl = numberIn(await autoRow.locator("td").nth(3).textContent());
  const accountHref = await autoRow.getByRole("link", { name: "Open account" }).getAttribute("href");
  await expect(autoRow).toHaveAttribute("data-status", /EXECUTING|PARTIALLY_FILLED|EXECUTED/, { timeout: 40_000 });
  await page.goto(accountHref ?? "/accounts");
  const section = page.getByTestId("account-liquidations");
  await expect(
    section.locator("[data-testid=account-ticket]").filter({ has: page.locator(`a[href*="${autoId ?? ""}"]`) }),
  ).toHaveAttribute("data-status", /PARTIALLY_FILLED|EXECUTED/, { timeout: 20_000 });
  await expect(section.getByTestId("fill-row").first()).toBeVisible();
  const ledger = section.getByTestId("account-ledger");
  await expect(ledger.locator("[data-testid=ledger-row][data-kind=TRADE]").first()).toBeVisible();
  await expect(ledger.locator("[data-testid=ledger-row][data-kind=FEE]").first()).toBeVisible();
  await expect(ledger.locator("[data-testid=ledger-row][data-kind=DEBT_REPAYMENT]").first()).toBeVisible();
  // The sale repaid debt: the account's margin level now stands above the one its ticket opened at.
  const ml = page.getByTestId("account-facts").locator("div", { has: page.getByText("Margin level", { exact: true }) });
  await expect
    .poll(async () => numberIn(await ml.locator("dd").textContent()), { timeout: 20_000 })
    .toBeGreaterThan(autoMl);
});
