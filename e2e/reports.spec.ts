// Reports (T4): a risk user generates the weekly risk report, reads it in the browser and downloads
// the PDF (read back: a PDF whose text has the title in both languages) and the CSV (BOM); an
// incident review is written up by compliance and signed off by a manager in the app's dialog.
import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { claimStaff, expect, signIn, test } from "./fixtures";

test("a risk user opens the weekly report and downloads its PDF and CSV", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "risk@demo.local", { timeout: 90_000 });
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const gen = page.getByRole("region", { name: "Generate a report" });
  await gen.getByLabel("Kind").selectOption("WEEKLY_RISK");
  await gen.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByRole("heading", { name: "Weekly Risk Report", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Provisional")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Largest exposures (by debt)" })).toBeVisible();
  // Every exposure row links to its account.
  const firstAccount = page.getByRole("region", { name: "Largest exposures (by debt)" }).getByRole("link").first();
  await expect(firstAccount).toHaveAttribute("href", /^\/accounts\//);

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^weekly_risk-2026-W\d\d.*\.pdf$/);
  const bytes = fs.readFileSync((await pdf.path()) ?? "");
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain("Weekly Risk Report");
  expect(text).toContain("每周风险报告");
  expect(text).toMatch(/Page 1 of \d+/);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csvText = fs.readFileSync((await csv.path()) ?? "", "utf8");
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain("Weekly Risk Report / 每周风险报告");
});

test("compliance writes up an incident review and a manager signs it off", async ({ browser }) => {
  test.setTimeout(180_000);
  const compliance = await (await browser.newContext()).newPage();
  await signIn(compliance, "compliance@demo.local", { timeout: 90_000 });
  await compliance.goto("/reports");
  const form = compliance.getByRole("region", { name: "Open an incident review" });
  await form.getByLabel("Incident title").fill("Primary feed stalled");
  await form.getByRole("button", { name: "Assemble timeline" }).click();
  await expect(
    compliance.getByRole("heading", { name: "Incident Review: Primary feed stalled", level: 1 }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(compliance.getByRole("heading", { name: "Timeline (audit trail)" })).toBeVisible();
  await compliance.getByLabel("Summary").fill("Primary feed stalled; the backup took over.");
  await compliance.getByLabel("Root cause").fill("Vendor outage");
  await compliance.getByRole("button", { name: "Save and submit for sign-off" }).click();
  await expect(compliance.getByText("Saved; a manager can now sign it off.")).toBeVisible();
  const url = compliance.url();

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, claimStaff("MANAGER").email, { timeout: 90_000 });
  await manager.goto(url);
  await manager.getByRole("button", { name: "Sign off" }).click();
  const dialog = manager.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Sign off this incident review?" })).toBeVisible();
  await dialog.getByLabel("Note (optional)").fill("Reviewed with the vendor report");
  await dialog.getByRole("button", { name: "Yes, sign off" }).click();
  await expect(dialog).toBeHidden();
  await expect(manager.getByText(/Signed off by .* at /)).toBeVisible();
  await expect(manager.getByText("Signed off", { exact: true })).toBeVisible();
});
