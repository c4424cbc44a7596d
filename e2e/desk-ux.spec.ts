// The desk as a tool: the interval switch and alarm markers on the desk chart, the symbol chooser
// (search by pinyin initials, watch a symbol, recent symbols) and the up/down colour setting.
import { pinyin } from "pinyin-pro";
import { expect, signIn, test } from "./fixtures";

test("the desk chart switches interval and keeps its alarm markers", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const chart = page.getByTestId("desk-chart");
  await expect(chart).toBeVisible();
  await expect(page.getByRole("figure", { name: /1-minute chart/ })).toBeVisible();
  await page.getByRole("group", { name: "Interval" }).getByRole("button", { name: "15m" }).click();
  await expect(page.getByRole("button", { name: "15m" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("figure", { name: /15-minute chart/ })).toBeVisible();
  await expect(page.getByTestId("marker-count")).toHaveAttribute("data-count", /^\d+$/);
});

test("the chooser finds a symbol by pinyin initials, and the star watches it", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const box = page.getByRole("combobox", { name: "Choose a symbol" });
  await expect(box).toBeEnabled();
  await box.focus();
  const listbox = page.getByRole("listbox", { name: "Choose a symbol" });
  await expect(listbox).toBeVisible();
  // Take the sixth symbol of the list and type the pinyin initials of its name.
  const option = listbox.getByRole("option").nth(5);
  const target = (await option.getAttribute("data-symbol")) ?? "";
  const name = ((await option.locator("span").nth(1).textContent()) ?? "").trim();
  const initials = pinyin(name, { pattern: "first", toneType: "none", type: "array" }).join("");
  expect(initials).toMatch(/^[a-z]{2,}$/);
  await box.fill(initials.toUpperCase());
  await expect(listbox.locator(`[role=option][data-symbol="${target}"]`)).toBeVisible();
  // Keyboard: arrow down to the target and press Enter.
  const codes = await listbox.getByRole("option").evaluateAll((els) => els.map((e) => e.getAttribute("data-symbol")));
  const at = codes.indexOf(target);
  for (let i = 0; i < at; i++) await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`symbol=${target.replace(".", "\\.")}`));
  await expect(page.getByRole("heading", { name: new RegExp(target.replace(".", "\\.")) })).toBeVisible();

  const star = page.getByTestId("watch-star");
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(star).toHaveAccessibleName(`Stop watching ${target}`);
  await box.focus();
  const first = listbox.getByRole("option").first();
  await expect(first).toHaveAttribute("data-symbol", target);
  await expect(first).toHaveAttribute("data-group", "watchlist");
  await box.press("Escape");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "false");
});

test("the up/down colour setting recolours the chart and is kept", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const chart = page.getByTestId("desk-chart");
  await expect(chart).toHaveAttribute("data-up-color", "GREEN_UP"); // English defaults to green-up
  const setting = page.getByTestId("up-color-setting");
  await setting.selectOption("RED_UP");
  await expect(chart).toHaveAttribute("data-up-color", "RED_UP");
  await page.reload();
  await expect(page.getByTestId("desk-chart")).toHaveAttribute("data-up-color", "RED_UP");
  await page.getByTestId("up-color-setting").selectOption("");
  await expect(page.getByTestId("desk-chart")).toHaveAttribute("data-up-color", "GREEN_UP");
});

test("the parameter form shows an error at its field and the diff before proposing", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  await page.goto("/risk/parameters");
  const form = page.getByTestId("param-form");
  await expect(form).toBeVisible();
  await expect(form.getByTestId("param-diff")).toHaveAttribute("data-count", "0");
  // Warning 0.9 is below the liquidation line (1.0): the error is shown at the warning field.
  const warning = form.getByLabel("Warning", { exact: true });
  await warning.fill("0.9");
  await expect(warning).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-field="lines.warning"]')).toContainText(
    "Lines must rise: hard floor < liquidation < warning < target.",
  );
  await expect(form.getByRole("button", { name: "Propose" })).toBeDisabled();
  await warning.fill("1.4");
  await expect(warning).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("param-diff")).toContainText("lines.warning: 1.3 → 1.4");
  // The raw JSON view says where it stops parsing.
  await form.getByText("Advanced: raw JSON").click();
  await form.getByLabel("Parameter set (JSON)").fill('{"base": ,}');
  await form.getByRole("button", { name: "Use this JSON" }).click();
  await expect(form.getByTestId("raw-error")).toHaveText("Not valid JSON at line 1, column 10.");
});
