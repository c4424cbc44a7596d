// Stress tests: a risk user runs the China 2015 scenario over the live book, sees the run
// finish, its KPIs and the three charts; then starts a 1,000-path Monte Carlo run and watches its
// progress bar and ETA until it is done.
import { expect, signIn, test } from "./fixtures";

test("a risk user runs China 2015, sees KPIs and charts, then watches a Monte Carlo run's progress", async ({
  page,
}) => {
  // The first start seeds the demo book and catches the engine up; on a shared 2-core machine that
  // can hold the first page for a while.
  test.setTimeout(240_000);
  await signIn(page, "risk@demo.local", { timeout: 90_000 });
  await page.goto("/stress");
  await expect(page.getByRole("heading", { name: "Stress tests", level: 1 })).toBeVisible();
  const library = page.getByTestId("stress-library");
  await expect(library.getByTestId("scenario-hist.china-2015")).toContainText("China 2015");
  // The scenario's steps, from the published daily moves.
  await library.getByRole("button", { name: "China 2015", exact: true }).click();
  await expect(page.getByRole("table", { name: "Steps of China 2015" })).toContainText("2015-08-24");

  await library.getByRole("button", { name: "Run China 2015" }).click();
  const result = page.getByTestId("stress-result");
  await expect(result.getByRole("heading", { name: "Results: China 2015" })).toBeVisible({ timeout: 120_000 });
  const runs = page.getByTestId("stress-runs");
  await expect(runs.getByRole("row").nth(1).getByTestId("stress-run-status")).toHaveText("Done");
  const kpis = page.getByTestId("stress-kpis");
  await expect(kpis).toContainText("Accounts below the liquidation line (ML < 1)");
  await expect(kpis).toContainText("Liquidation notional");
  await expect(kpis).toContainText(/bps/);
  await expect(kpis).toContainText("Guarantee fund");
  await expect(page.getByTestId("stress-bands-chart")).toBeVisible();
  await expect(page.getByTestId("stress-waterfall-chart")).toBeVisible();
  await expect(page.getByTestId("stress-waterfall").getByRole("row")).toHaveCount(6);
  // A crash of -45% liquidates someone in the demo book, so the per-minute chart has bars.
  await expect(page.getByTestId("stress-liquidation-chart")).toBeVisible();

  const mc = library.getByTestId("scenario-mc.garch-t");
  await mc.getByLabel("Paths").fill("1000");
  await mc.getByRole("button", { name: /^Run Monte Carlo/ }).click();
  const first = runs.getByRole("row").nth(1);
  await expect(first).toContainText("Monte Carlo");
  await expect(first.getByTestId("stress-progress")).toBeVisible({ timeout: 60_000 });
  await expect(first).toContainText(/\d+% · (about [\d,]+ s left|estimating…)/);
  // On the 1,000-account demo book the run ends within a minute: cancelling it here raced its end (the
  // dialog then says "The run is already done"); cancel is covered by tests/stress.int.test.ts.
  await expect(first.getByTestId("stress-run-status")).toHaveText("Done", { timeout: 120_000 });
});
