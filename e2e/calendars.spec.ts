// ADMIN amends the bank calendar in the browser: the seeded 2026 National Day is listed, a new
// holiday is added, then removed through the page's own confirmation with a reason.
import { claimStaff, expect, signIn, test } from "./fixtures";

test("ADMIN lists, adds and removes a bank holiday", async ({ page }) => {
  await signIn(page, claimStaff("ADMIN").email);
  await page.goto("/admin/calendars");
  await expect(page.getByRole("heading", { name: "Bank and exchange calendars" })).toBeVisible();
  await page.getByTestId("calendar-year").fill("2026");
  await expect(page.getByTestId("day-2026-10-01")).toContainText("National Day / 国庆节");
  await expect(page.getByTestId("day-2026-10-10")).toContainText("Make-up workday");
  await page.getByTestId("calendar-select").selectOption("EXCHANGE");
  await expect(page.getByTestId("day-2026-10-01")).toBeVisible();
  await expect(page.getByTestId("day-2026-10-10")).toHaveCount(0); // exchanges never open on make-up weekend days
  await page.getByTestId("calendar-select").selectOption("BANK");

  await page.getByLabel("Date").fill("2026-12-24");
  await page.getByLabel("Name").fill("Typhoon closure");
  await page.getByRole("button", { name: "Save day" }).click();
  const row = page.getByTestId("day-2026-12-24");
  await expect(row).toContainText("Typhoon closure");
  await expect(row).toContainText("admin");

  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByLabel("Reason").fill("Banks reopened");
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText("Removed 2026-12-24.")).toBeVisible();
  await expect(page.getByTestId("day-2026-12-24")).toHaveCount(0);
});
