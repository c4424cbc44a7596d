// The liquidation queue end to end (R5-R7), as the scenario: a drill pushes accounts below the
// line; the risk user sees tickets arrive without a reload, each with a running countdown; finds one by
// its account code and holds it with a reason from the keyboard (the hold shows on the ticket); another
// ticket nobody touches executes at its deadline, and its fills, the account's new margin level and the
// ledger entries appear on the account page.
// The e2e server runs the clock 30x (a simulated minute every 2 s) with a 600 s review window (20 s of
// wall time). The drill is a sector gap, not a market crash: a few dozen tickets rather than 400 keep
// the queue and the executor at a human scale on a loaded two-core machine. The spec still waits on what
// the screen shows (never on sleeps), and selects tickets the way a person does (search, keys, clicks).
import type { Locator, Page } from "@playwright/test";
import { claimStaff, expect, signIn, test } from "./fixtures";

/** A sector of the demo book whose -25% gap leaves several margin accounts under the liquidation line. */
const SECTOR = "证券";
const GAP_PCT = "25";

async function sectorGap(page: Page): Promise<void> {
  await page.goto("/market/feeds");
  await expect(page.getByTestId("feed-status")).toBeVisible();
  await page.getByLabel("Scenario", { exact: true }).selectOption("SECTOR_GAP");
  await page.getByLabel("Sector", { exact: true }).selectOption(SECTOR);
  await page.getByLabel("Move (%)").fill(GAP_PCT);
  await page.getByRole("button", { name: "Inject" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: /injected on \d+ symbols/ })).toBeVisible();
}

/** The figure a Fact shows under its label, as a number ("1.234" -> 1.234; "—" -> NaN). */
async function factNumber(facts: Locator, label: string): Promise<number> {
  const text = await facts
    .locator("div", { has: facts.page().locator("dt", { hasText: label }) })
    .locator("dd")
    .first()
    .textContent();
  return Number((text ?? "").replace(/[^0-9.-]/g, "") || Number.NaN);
}

test("a sector gap opens tickets live; the desk holds one by keyboard; another executes at its deadline and shows on the account page", async ({
  page,
  browser,
}) => {
  // Two sign-ins (scrypt on a loaded two-core machine has taken over 40 s), a drill, a 20 s review window
  // and the execution slices after it.
  test.setTimeout(300_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await Promise.all([
    signIn(page, "risk@demo.local", { timeout: 90_000 }),
    signIn(admin, claimStaff("ADMIN").email, { timeout: 90_000 }),
  ]);
  await page.goto("/risk/liquidations");
  await expect(page.getByRole("heading", { name: "Liquidation queue", level: 1 })).toBeVisible();
  await sectorGap(admin);
  await adminContext.close();

  // Tickets in their review window arrive without a reload; the navigation badge counts them.
  // In review (hard-floor tickets have no review window and execute at once).
  const inReview = page.locator("[data-testid=ticket-row][data-status=OPEN]:not(:has([data-urgency=HARD_FLOOR]))");
  await expect(inReview.nth(1)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("liquidation-badge")).toBeVisible();
  // Rows run from the earliest deadline: the last one has the most time left (to hold), the first the
  // least (to leave alone until it executes).
  const toHold = (await inReview.last().getAttribute("data-account")) ?? "";
  const toExecute = (await inReview.first().getAttribute("data-account")) ?? "";
  expect(toHold && toExecute && toHold !== toExecute).toBeTruthy();
  const timer = page.locator(`[data-testid=ticket-row][data-account="${toExecute}"]`).getByRole("timer");
  const shown = await timer.textContent();
  await expect(timer).not.toHaveText(shown ?? "");

  // Find the account to hold by its code; Enter hands the keys back to the queue; h opens the hold dialog.
  const search = page.getByTestId("queue-search");
  await search.fill(toHold);
  await search.press("Enter");
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);
  const detail = page.getByTestId("ticket-detail");
  await expect(detail.getByRole("heading", { name: `Ticket for ${toHold}` })).toBeVisible();
  await page.keyboard.press("h");
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason (required)").fill("Client wiring margin, confirmed by phone");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  // The hold shows on the ticket: its row in the holds table with the reason, and in the history.
  await expect(detail.getByTestId("ticket-holds")).toContainText("Client wiring margin, confirmed by phone");
  await expect(detail.getByTestId("ticket-events")).toContainText("Held");

  // The other ticket: nobody acts on it; at its deadline the desk executes it.
  await search.fill(toExecute);
  await search.press("Enter");
  const row = page.locator(`[data-testid=ticket-row][data-account="${toExecute}"]`);
  const triggerMl = Number((await row.locator("td").nth(3).textContent())?.replace(/[^0-9.-]/g, ""));
  expect(triggerMl).toBeGreaterThan(0);
  await row.getByRole("button", { name: `Show ticket for ${toExecute}` }).click();
  await expect(detail.getByRole("heading", { name: `Ticket for ${toExecute}` })).toBeVisible();
  await expect(detail.getByTestId("fill-row").first()).toBeVisible({ timeout: 90_000 });
  // Executed by the deadline (the system), not by a person.
  await expect(detail.getByTestId("ticket-events").locator("li", { hasText: "Execution started" })).toContainText(
    "system:liquidation",
  );

  // The account page: the ticket with its fills, the ledger entries and a margin level above the trigger's.
  await detail.getByRole("link", { name: "Open account" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(toExecute), level: 1 })).toBeVisible();
  const liq = page.getByTestId("account-liquidations");
  await expect(
    liq.locator(
      "[data-testid=account-ticket][data-status=EXECUTED], [data-testid=account-ticket][data-status=PARTIALLY_FILLED]",
    ),
  ).toHaveCount(1, { timeout: 30_000 });
  await expect(liq.getByTestId("fill-row").first()).toBeVisible();
  await expect(liq.locator("[data-testid=ledger-row][data-kind=TRADE]").first()).toBeVisible();
  await expect(liq.locator("[data-testid=ledger-row][data-kind=DEBT_REPAYMENT]").first()).toBeVisible();
  const facts = page.getByTestId("account-facts");
  await expect.poll(() => factNumber(facts, "Margin level"), { timeout: 20_000 }).toBeGreaterThan(triggerMl);
});
