// Accessibility: axe-core (WCAG 2.x A and AA rules) on every page of the navigation, per role, and on
// the sign-in page: no serious or critical violation. Also the keyboard layer: the skip link, the
// shortcuts overlay and the command palette.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { NAV_ITEMS } from "../../components/shell/nav-items";
import { hasPermission, type Role } from "../../server/auth/roles";
import { claimStaff, expect, signIn, test } from "../fixtures";

const USERS: ReadonlyArray<{ role: Role; email: () => string }> = [
  { role: "RISK", email: () => "risk@demo.local" },
  { role: "COMPLIANCE", email: () => "compliance@demo.local" },
  { role: "MANAGER", email: () => claimStaff("MANAGER").email },
  { role: "ADMIN", email: () => claimStaff("ADMIN").email },
  { role: "AUDITOR", email: () => "auditor@demo.local" },
];

/** Serious and critical violations on the page as it is now, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary ?? ""})`));
}

test("the sign-in page has no serious or critical violations", async ({ page }) => {
  // The first request after the seed can wait on a busy two-core machine.
  test.setTimeout(200_000);
  await page.goto("/signin", { timeout: 150_000 });
  await expect(page.getByLabel("Email")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const u of USERS) {
  test(`every page ${u.role} can open has no serious or critical violations`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, u.email(), { timeout: 150_000 });
    const found: string[] = [];
    for (const item of NAV_ITEMS.filter((i) => hasPermission(u.role, i.permission))) {
      await page.goto(item.href);
      await expect(page.locator("main h1, main h2").first()).toBeVisible({ timeout: 30_000 });
      for (const v of await seriousViolations(page)) found.push(`${item.href} ${v}`);
    }
    expect(found).toEqual([]);
  });
}

test("keyboard: skip link, '?' overlay, Ctrl+K palette jumps to a page", async ({ page }) => {
  test.setTimeout(200_000);
  await signIn(page, "risk@demo.local", { timeout: 150_000 });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await page.keyboard.press("Control+k");
  await page.getByTestId("palette-input").fill("liquidations");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/risk\/liquidations$/);
});
