// The desk's live chart: history backfilled, then new one-minute bars appear without a reload
// (the e2e server runs the clock 30x: a simulated minute every 2 s).
import { expect, signIn, test } from "./fixtures";

test("the chart's last bar moves on and new bars appear without reloading", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const lastBar = page.getByTestId("last-bar");
  await expect(lastBar).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-status", "live");
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
  const firstTime = Number(await lastBar.getAttribute("data-bar-time"));
  expect(firstTime).toBeGreaterThan(0);
  // A later minute's bar arrives over the live stream.
  await expect
    .poll(async () => Number(await lastBar.getAttribute("data-bar-time")), { timeout: 20_000 })
    .toBeGreaterThan(firstTime);
  const secondTime = Number(await lastBar.getAttribute("data-bar-time"));
  await expect
    .poll(async () => Number(await lastBar.getAttribute("data-bar-time")), { timeout: 20_000 })
    .toBeGreaterThan(secondTime);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(page.getByRole("figure", { name: /1-minute chart/ })).toBeVisible();
});

test("choosing another symbol loads its chart", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const box = page.getByRole("combobox", { name: "Choose a symbol" });
  await expect(box).toBeEnabled();
  await box.focus();
  const option = page.getByRole("listbox", { name: "Choose a symbol" }).getByRole("option").nth(5);
  const target = (await option.getAttribute("data-symbol")) ?? "";
  await option.click();
  await expect(page).toHaveURL(new RegExp(`symbol=${target.replace(".", "\\.")}`));
  await expect(page.getByRole("heading", { name: new RegExp(target.replace(".", "\\.")) })).toBeVisible();
  await expect(page.getByTestId("last-bar")).toBeVisible();
});
