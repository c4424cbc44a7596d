// The manager's capital and funding screens: the dashboard shows usage, ES and the ladder;
// marking the preferred funding source down (the app's confirmation dialog, reason and step-up code)
// routes new lending to its backup, and the alert appears.
import { claimStaff, credentialFor, expect, freshTotp, signIn, test } from "./fixtures";

test("a manager sees the capital dashboard, marks a funding source down and new lending goes to the backup", async ({
  page,
}) => {
  // The first start seeds the demo book and catches the engine up; on a shared 2-core machine that
  // can hold the first page for a while.
  test.setTimeout(180_000);
  await signIn(page, "manager@demo.local");
  await page.goto("/capital");
  await expect(page.getByRole("heading", { name: "Capital and liquidity" })).toBeVisible();
  const dashboard = page.getByTestId("capital-dashboard");
  await expect(dashboard.getByText("Liquidity coverage ratio (LCR)").first()).toBeVisible();
  await expect(page.getByTestId("ladder-table").getByRole("row")).toHaveCount(6);
  await expect(page.getByTestId("ladder-chart")).toBeVisible();
  await expect(page.getByTestId("euler-table").getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Daily P&L, last 30 days" })).toBeVisible();
  await expect(page.getByTestId("products-table").getByRole("row").nth(1)).toBeVisible();

  await page.goto("/capital/funding");
  await expect(page.getByTestId("funding-routing")).toHaveText(/New lending goes to BANK-CL-1\./);
  const bank = page.locator('tr[data-source="BANK-CL-1"]');
  await bank.getByRole("button", { name: "Mark down" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Mark BANK-CL-1 down?" })).toBeVisible();
  await dialog.getByLabel("Reason").fill("bank line suspended by the lender");
  const cred = credentialFor("manager@demo.local");
  await dialog.getByLabel(/Authenticator code/).fill(await freshTotp(cred.totpSecret ?? ""));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(bank).toHaveAttribute("data-status", "DOWN");
  await expect(page.getByTestId("funding-routing")).toHaveText(
    /New lending goes to INST-1\. Failed over from BANK-CL-1 \(down\)/,
  );
  await expect(page.getByTestId("funding-alerts").locator('li[data-kind="SOURCE_DOWN"]')).toContainText(
    "BANK-CL-1 is down (bank line suspended by the lender); new lending goes to INST-1.",
  );
});

test("RISK proposes LCR assumptions and a rebalancing plan; a manager approves both with a step-up", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const riskPage = await (await browser.newContext()).newPage();
  await signIn(riskPage, "risk@demo.local");
  await riskPage.goto("/capital/changes");
  const form = riskPage.getByTestId("liquidity-form");
  const bank = form.getByLabel("Run-off, bank credit lines (%)");
  await expect(bank).toHaveValue("100");
  await bank.fill("150");
  await expect(form.getByText("Between 0 and 100.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Propose these assumptions" })).toBeDisabled();
  await bank.fill("50");
  await expect(form.getByText("was 100%")).toBeVisible();
  await form.getByLabel("Reason").fill("the bank line is committed for 90 days");
  await form.getByRole("button", { name: "Propose these assumptions" }).click();
  await expect(form.getByRole("status")).toHaveText(/Proposed as version 1/);

  const panel = riskPage.getByTestId("rebalance-panel");
  await panel.getByRole("button", { name: "Preview the plan" }).click();
  await expect(panel.getByTestId("plan-summary")).toContainText("limits change");
  await expect(panel.getByTestId("plan-table").getByRole("row").nth(1)).toBeVisible();
  await panel.getByLabel("Reason").fill("move limit off the largest ES contributors");
  await panel.getByRole("button", { name: "Propose this plan" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Proposed as version 1/);

  const cred = claimStaff("MANAGER");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, cred.email);
  await page.goto("/capital/changes");
  const liq = page.getByTestId("versions-capital.liquidity").locator('li[data-version="1"]');
  await expect(liq).toHaveAttribute("data-status", "PROPOSED");
  await liq.getByRole("button", { name: "Approve" }).click();
  let dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("computed with version 1 from now on");
  await dialog.getByLabel(/Authenticator code/).fill(await freshTotp(cred.totpSecret ?? ""));
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
  await expect(liq).toHaveAttribute("data-status", "APPROVED");

  const plan = page.getByTestId("versions-capital.rebalance").locator('li[data-version="1"]');
  await plan.getByRole("button", { name: "Approve" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("credit limits are written now");
  await dialog.getByRole("button", { name: "Approve" }).click(); // the step-up of a minute ago still holds
  await expect(dialog).toBeHidden();
  await expect(plan).toHaveAttribute("data-status", "APPROVED");

  await page.goto("/capital");
  await expect(page.getByText("LCR assumptions (parameter version 1)")).toBeVisible();
});
