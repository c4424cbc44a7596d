// Surveillance in the browser (S5): compliance opens the top case of the queue, sees the evidence
// and the linked-account graph, freezes the account from the case; the account's pending
// withdrawal is frozen at once and a manager can no longer approve it; the account page shows it,
// and the audit trail shows the freeze as a readable change.
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("compliance freezes the top case's account and its withdrawal can no longer be approved", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "compliance@demo.local");
  await page.getByRole("link", { name: "Surveillance cases" }).click();
  await expect(page.getByRole("heading", { name: "Surveillance cases" })).toBeVisible();
  const queue = page.getByTestId("case-queue");
  await expect(queue).toBeVisible();
  await queue.getByRole("row").nth(1).getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/compliance\/cases\/[^/]+$/);
  const caseUrl = page.url();
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  const code = title.replace(/^Case /, "").trim();
  expect(code).not.toBe("");
  // Evidence rows and the linked-account graph section.
  await expect(page.getByTestId("case-evidence").getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Linked-account graph" })).toBeVisible();

  // The account's pending withdrawal, found from the approvals queue.
  await page.getByRole("link", { name: "Approvals" }).click();
  await page.getByRole("row").filter({ hasText: code }).first().getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/payments\/approvals\/[^/]+$/);
  const withdrawalUrl = page.url();

  await page.goto(caseUrl);
  await page.getByRole("button", { name: "Freeze account" }).click();
  await expect(page.getByRole("heading", { name: `Freeze account ${code}?` })).toBeVisible();
  await page.getByLabel("Reason").fill("Wash trades with a linked account: under investigation");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("case-controls")).toContainText("Frozen: no withdrawals");
  await expect(page.getByRole("listitem").filter({ hasText: "Account frozen" })).toBeVisible();

  const ctx = await browser.newContext();
  const m = await ctx.newPage();
  await signIn(m, "manager@demo.local");
  await m.goto(withdrawalUrl);
  await expect(m.getByTestId("withdrawal-status")).toHaveText("Frozen");
  await expect(m.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await ctx.close();

  // The account page shows the freeze.
  await page.getByRole("link", { name: code }).first().click();
  await expect(page.getByTestId("account-controls")).toContainText("Frozen by compliance");
  const accountId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");

  // The audit trail shows the freeze as a readable change: frozen false -> true, with the full account id.
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.getByLabel("Action starts with").fill("account.freeze");
  await page.getByLabel("Target id").fill(accountId);
  const audit = page.getByTestId("audit-table");
  await expect(audit.getByRole("row")).toHaveCount(2);
  await expect(audit.getByRole("link", { name: accountId })).toBeVisible();
  await audit.getByRole("button", { name: /Show change/ }).click();
  // The change rows sit in a table nested in the event's expansion row: name the change row itself.
  const frozen = audit.getByRole("row", { name: "frozen false true", exact: true });
  await expect(frozen).toHaveAttribute("data-kind", "changed");
});
