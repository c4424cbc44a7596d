// Signing in by role: each role sees only its navigation (generated from the permission map),
// a wrong password is refused clearly, managers need TOTP, signing out ends the session.
import { NAV_GROUPS, NAV_ITEMS } from "../components/shell/nav-items";
import { createTranslator } from "../components/i18n/config";
import { en } from "../components/i18n/en";
import { hasPermission } from "../server/auth/roles";
import { credentialFor, demoCredentials, expect, freshTotp, signIn, test } from "./fixtures";

const navLabel = createTranslator("en");

test.describe("sign-in by role", () => {
  for (const email of [
    "risk@demo.local",
    "compliance@demo.local",
    "manager@demo.local",
    "admin@demo.local",
    "auditor@demo.local",
  ]) {
    test(`${email} sees exactly its navigation`, async ({ page }) => {
      await signIn(page, email);
      const role = credentialFor(email).role;
      // The shell shows the items group by group.
      const expected = NAV_GROUPS.flatMap((g) =>
        NAV_ITEMS.filter((i) => i.group === g && hasPermission(role, i.permission)).map((i) => navLabel(i.label)),
      );
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      // A link may carry a live count after its label (the liquidation queue's open tickets).
      const labelled = expected.map((l) => new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+.*)?$`));
      await expect(nav.getByRole("link")).toHaveText(labelled);
      await expect(page.getByTestId("current-user")).toContainText(en.roles[role]);
      // A page outside the role's navigation is refused, not shown.
      const hidden = NAV_ITEMS.find((i) => !hasPermission(role, i.permission));
      if (hidden) {
        await page.goto(hidden.href);
        await expect(page.getByRole("alert").filter({ hasText: en.errors.forbidden })).toBeVisible();
      }
    });
  }
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("risk@demo.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: en.signIn.errors.invalid_credentials })).toBeVisible();
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});

test("a manager needs a TOTP code", async ({ page }) => {
  const cred = credentialFor("manager2@demo.local");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(cred.email);
  await page.getByLabel("Password").fill(cred.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: en.signIn.errors.totp_required })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Authenticator code").fill(await freshTotp(cred.totpSecret ?? ""));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk/);
  await expect(page.getByTestId("current-user")).toContainText("Manager");
});

test("signing out ends the session, and a copy of the old cookie is refused", async ({ page, playwright }) => {
  await signIn(page, "risk@demo.local");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = "/api/trpc/accounts.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 5 } }));
  const copy = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { cookie },
  });
  expect((await copy.get(url)).status()).toBe(200);
  await page.getByRole("button", { name: en.nav.signOut }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/signin/);
  const res = await page.request.get(
    "/api/trpc/accounts.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 5 } })),
  );
  expect(res.status()).toBe(401);
  // The JWT in the copied cookie is still unexpired, but its server-side session is revoked.
  expect((await copy.get(url)).status()).toBe(401);
  await copy.dispose();
  // The sign-out is on the audit trail.
  await signIn(page, "compliance@demo.local");
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.getByLabel("Action starts with").fill("auth.signOut");
  await expect(page.getByRole("row").filter({ hasText: "risk@demo.local" }).first()).toContainText("auth.signOut");
});

test("the language switch shows the app in Chinese", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.getByRole("combobox", { name: "Language" }).first().selectOption("zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "交易台" })).toBeVisible();
  await page.getByRole("combobox", { name: "语言" }).first().selectOption("en");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  // The seven demo users, plus the e2e server's 40 extra managers and 40 extra administrators.
  const staff = demoCredentials().filter((c) => /-e\d+@demo\.local$/.test(c.email));
  expect(demoCredentials().length - staff.length).toBe(7);
  expect(staff.length).toBe(80);
});
