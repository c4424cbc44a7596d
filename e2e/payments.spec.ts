// Payments in the browser (P3/P4): a manager signed in with TOTP opens a flagged withdrawal, sees
// the rule hits with their evidence and approves it with a TOTP code; a large withdrawal needs a
// second manager; compliance freezes another and the manager can no longer act on it.
import { claimStaff, expect, freshTotp, signIn, test, type DemoCredential } from "./fixtures";

test.describe.configure({ mode: "serial" });

function totpSecretOf(cred: DemoCredential): string {
  if (!cred.totpSecret) throw new Error(`${cred.email} has no TOTP secret`);
  return cred.totpSecret;
}

test("a manager opens a flagged withdrawal, sees the rule hits and approves it with a TOTP code", async ({ page }) => {
  test.setTimeout(150_000);
  const manager = claimStaff("MANAGER");
  await signIn(page, manager.email);
  await page.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { name: "Withdrawal approvals" })).toBeVisible();
  await page.getByRole("row").filter({ hasText: "Geo jump" }).getByRole("link", { name: "Open" }).click();
  const geo = page.getByTestId("hit-GEO_JUMP");
  await expect(geo).toContainText("Shanghai");
  await expect(geo).toContainText("Urumqi");
  await expect(page.getByTestId("hit-NEW_DEVICE")).toBeVisible();
  await expect(page.getByTestId("withdrawal-status")).toHaveText("Pending approval");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.getByLabel("Authenticator code").fill(await freshTotp(totpSecretOf(manager)));
  await page.getByRole("button", { name: "Confirm approval" }).click();
  await expect(page.getByRole("status")).toContainText("Done");
  await expect(page.getByTestId("withdrawal-status")).toHaveText(/Approved|Sent|Settled|Failed/);
  await expect(page.getByText("withdrawal.approve", { exact: true })).toBeVisible();
});

test("a large withdrawal needs a second manager's approval", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const manager = claimStaff("MANAGER");
  await signIn(page, manager.email);
  await page.goto("/payments/approvals");
  await page
    .getByRole("row")
    .filter({ hasText: /1,200,000\.00/ })
    .getByRole("link", { name: "Open" })
    .click();
  await expect(page.getByTestId("approvals-count")).toHaveText("0 of 2");
  await expect(page).toHaveURL(/\/payments\/approvals\/[^/]+$/);
  const url = page.url();
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.getByLabel("Authenticator code").fill(await freshTotp(totpSecretOf(manager)));
  await page.getByRole("button", { name: "Confirm approval" }).click();
  await expect(page.getByTestId("approvals-count")).toHaveText("1 of 2");
  await expect(page.getByTestId("withdrawal-status")).toHaveText("Pending approval");
  await expect(page.getByText("You approved it; a second manager must approve.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  const manager2 = claimStaff("MANAGER");
  await signIn(p2, manager2.email);
  await p2.goto(url);
  await p2.getByRole("button", { name: "Approve", exact: true }).click();
  await p2.getByLabel("Authenticator code").fill(await freshTotp(totpSecretOf(manager2)));
  await p2.getByRole("button", { name: "Confirm approval" }).click();
  await expect(p2.getByTestId("approvals-count")).toHaveText("2 of 2");
  await expect(p2.getByTestId("withdrawal-status")).toHaveText(/Approved|Sent|Settled|Failed/);
  await ctx.close();
});

test("compliance freezes a withdrawal and the manager can no longer act on it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "compliance@demo.local");
  await page.getByRole("link", { name: "Approvals" }).click();
  await page.getByRole("row").filter({ hasText: "Structuring" }).getByRole("link", { name: "Open" }).click();
  await expect(page.getByTestId("hit-STRUCTURING")).toBeVisible();
  await expect(page).toHaveURL(/\/payments\/approvals\/[^/]+$/);
  const url = page.url();
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Freeze", exact: true }).click();
  await page.getByLabel("Reason").fill("Repeated cash deposits just under 50,000: under review");
  await page.getByRole("button", { name: "Confirm freeze" }).click();
  await expect(page.getByTestId("withdrawal-status")).toHaveText("Frozen");
  await page.getByRole("link", { name: "Frozen items" }).click();
  await expect(page.getByRole("row").filter({ hasText: "under review" })).toBeVisible();

  const ctx = await browser.newContext();
  const m = await ctx.newPage();
  const manager = claimStaff("MANAGER");
  await signIn(m, manager.email);
  await m.goto(url);
  await expect(m.getByTestId("withdrawal-status")).toHaveText("Frozen");
  await expect(m.getByRole("note")).toContainText("Frozen by compliance");
  await expect(m.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(m.getByRole("button", { name: "Reject", exact: true })).toHaveCount(0);
  await expect(m.getByRole("button", { name: "Appeal", exact: true })).toBeVisible();
  await ctx.close();
});

test("a manager reconciles the sample custody statement and resolves a break", async ({ page }) => {
  test.setTimeout(120_000);
  const manager = claimStaff("MANAGER");
  await signIn(page, manager.email);
  await page.getByRole("link", { name: "Reconciliation" }).click();
  await expect(page.getByText("No statement imported yet.")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download sample statement (planted breaks)" }).click(),
  ]);
  const file = await download.path();
  await page.getByLabel("Statement CSV").setInputFiles({
    name: "custody-statement.csv",
    mimeType: "text/csv",
    buffer: (await import("node:fs")).readFileSync(file),
  });
  await page.getByRole("button", { name: "Import and reconcile" }).click();
  await expect(page.getByRole("status")).toContainText(/Imported: \d+ matched, 4 breaks\./);
  for (const kind of ["Amount mismatch", "Duplicate", "Missing in ledger", "Missing on statement"]) {
    await expect(page.getByRole("cell", { name: kind, exact: true })).toBeVisible();
  }
  const row = page.getByRole("row").filter({ hasText: "Missing in ledger" });
  await row.getByRole("button", { name: "Resolve" }).click();
  await row.getByLabel("Resolution note").fill("Unknown credit returned to the remitting bank");
  await row.getByRole("button", { name: "Confirm resolution" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Missing in ledger" })).toContainText("Resolved");
});
