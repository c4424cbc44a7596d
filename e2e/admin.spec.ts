// User administration in the browser: an admin proposes a manager, a second admin approves with
// a step-up (four eyes), the manager must enroll TOTP at first sign-in before anything else
// opens; the auditor sees the users read-only.
import { generateTotpCode } from "../server/auth/totp";
import { claimStaff, expect, signIn, test } from "./fixtures";

test("a new manager enrolls TOTP at first sign-in, then uses it", async ({ page, browser }) => {
  // Three people sign in here, each paying a full-cost password hash (scrypt N = 2^17).
  test.setTimeout(180_000);
  const email = `new.manager.${Date.now()}@bank.test`;
  const password = "first-login-password";
  const admin = claimStaff("ADMIN");
  await signIn(page, admin.email);
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("New Manager");
  await form.getByLabel("Role").selectOption("MANAGER");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toContainText(`Proposed: a second administrator must approve ${email}.`);
  const proposal = page.getByTestId("access-proposal").filter({ hasText: email });
  await expect(proposal).toContainText("Yours: another administrator must approve");
  await expect(proposal.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The second administrator approves in their own session; signing in with TOTP was its step-up.
  const adminCtx = await browser.newContext();
  const a2 = await adminCtx.newPage();
  await signIn(a2, claimStaff("ADMIN").email);
  await a2.getByRole("link", { name: "Users" }).click();
  await a2.getByTestId("access-proposal").filter({ hasText: email }).getByRole("button", { name: "Approve" }).click();
  const dialog = a2.getByRole("dialog");
  await expect(dialog).toContainText(`New user for ${email}, proposed by ${admin.email}`);
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(a2.getByTestId("access-proposal").filter({ hasText: email })).toHaveCount(0);
  await expect(a2.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toContainText("Manager");
  await adminCtx.close();

  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await p2.goto("/signin");
  await p2.getByLabel("Email").fill(email);
  await p2.getByLabel("Password").fill(password);
  await p2.getByRole("button", { name: "Sign in" }).click();
  await expect(p2).toHaveURL(/\/enroll-totp/);
  // Nothing else opens before enrollment.
  await p2.goto("/desk");
  await expect(p2).toHaveURL(/\/enroll-totp/);
  await p2.getByRole("button", { name: "Show my key" }).click();
  const secret = (await p2.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await p2.getByLabel("Code from the app").fill("000000");
  await p2.getByRole("button", { name: "Confirm" }).click();
  await expect(p2.getByRole("alert").filter({ hasText: /not valid/ })).toBeVisible();
  await p2.getByLabel("Code from the app").fill(generateTotpCode(secret, Date.now()));
  await p2.getByRole("button", { name: "Confirm" }).click();
  await expect(p2).toHaveURL(/\/desk/);
  await expect(p2.getByTestId("current-user")).toContainText("New Manager");
  await ctx.close();
});

test("the auditor sees users and system status read-only", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByTestId("user-admin@demo.local")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await page.getByRole("link", { name: "System" }).click();
  await expect(page.getByText("PGlite (embedded, .data/)")).toBeVisible();
});
