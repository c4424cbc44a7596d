// The manager's capital and funding screens: the dashboard shows usage, ES and the ladder;
// marking the preferred funding source down (the app's confirmation dialog, reason and step-up code)
// routes new lending to its backup, and the alert appears.
import { credentialFor, expect, freshTotp, signIn, test } from "./fixtures";

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
