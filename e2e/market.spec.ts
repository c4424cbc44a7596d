// Market monitoring end to end. The e2e server runs the clock 30x: a simulated minute
// every 2 s. The risk user opens a symbol and sees the live chart; the admin injects a flash crash;
// the risk user sees the detector's alarm marker and the alert arrive within the minute, and the
// desk's alerts feed links back to the symbol. Also the v1 detector API over HTTP.
import { claimStaff, expect, signIn, test } from "./fixtures";

const escape = (s: string) => s.replace(/\./g, "\\.");

test("a drill on a symbol shows up as an alarm marker and an alert on the risk user's live chart", async ({
  page,
  browser,
}) => {
  await signIn(page, "risk@demo.local");
  await page.goto("/market");
  const tile = page.getByTestId("watch-tile").first();
  await expect(tile).toBeVisible();
  const symbol = (await tile.getAttribute("data-symbol")) ?? "";
  expect(symbol).toMatch(/^\d{6}\.(SH|SZ)$/);
  await expect(tile.locator("svg[data-points]")).toBeVisible();
  await tile.click();
  await expect(page).toHaveURL(new RegExp(`/market/${escape(symbol)}$`));
  await expect(page.getByRole("heading", { name: symbol, exact: true })).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("symbol-chart")).toBeVisible();
  const lastBar = page.getByTestId("last-bar");
  const firstTime = Number(await lastBar.getAttribute("data-bar-time"));
  await expect
    .poll(async () => Number(await lastBar.getAttribute("data-bar-time")), { timeout: 20_000 })
    .toBeGreaterThan(firstTime);
  const markers = page.getByTestId("marker-count");
  const markersBefore = Number(await markers.getAttribute("data-count"));
  const crashRows = page.locator(`[data-testid=alert-row][data-kind=CUSUM_DOWN]`);
  const crashesBefore = await crashRows.count();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, claimStaff("ADMIN").email);
  await admin.goto("/market/feeds");
  await expect(admin.getByTestId("feed-status")).toBeVisible();
  await admin.getByLabel("Scenario").selectOption("FLASH_CRASH");
  await admin.getByLabel("Symbol", { exact: true }).fill(symbol);
  await admin.getByRole("button", { name: "Inject" }).click();
  await admin.getByRole("button", { name: "Confirm" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "injected on 1 symbols" })).toBeVisible();
  const drillMinute = Number(await lastBar.getAttribute("data-bar-time"));
  await adminContext.close();

  // Within the minute: the crash minute's bar carries the CUSUM alarm, pushed without a reload.
  await expect(crashRows).toHaveCount(crashesBefore + 1, { timeout: 20_000 });
  const alertTs = Number(await crashRows.first().getAttribute("data-ts"));
  expect(alertTs).toBeGreaterThanOrEqual(drillMinute - 60_000);
  expect(alertTs).toBeLessThanOrEqual(drillMinute + 60_000);
  await expect.poll(async () => Number(await markers.getAttribute("data-count"))).toBeGreaterThan(markersBefore);
  await expect(page.getByTestId("actions-list")).toContainText("Margin ×1.50");

  // The 5m roll-up still shows the chart; the desk's feed links back to the symbol.
  await page.getByRole("button", { name: "5m", exact: true }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`${escape(symbol)} · 5-minute chart`) })).toBeVisible();
  await page.goto("/desk");
  const feedItem = page
    .getByTestId("feed-alert")
    .filter({ has: page.getByRole("link", { name: symbol }) })
    .first();
  await expect(feedItem).toBeVisible();
  await feedItem.getByRole("link", { name: symbol }).click();
  await expect(page).toHaveURL(new RegExp(`/market/${escape(symbol)}$`));
});

test("the detector and volatility API answers signed-in callers and rejects bad series with the envelope", async ({
  page,
}) => {
  await signIn(page, "auditor@demo.local");
  const ok = await page.request.post("/api/v1/detectors/cusum", {
    data: { series: [2, 2, 0, -2, -2.5], mean: 0, sd: 1, k: 0.5, h: 2 },
  });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ alarms: [1, 4], direction: ["up", "down"] });
  const vol = await page.request.post("/api/v1/indicators/volatility", { data: { closes: [100, 101], lambda: 0.94 } });
  expect((await vol.json()).ewma[0]).toBeCloseTo(0.00995033, 7);
  const bad = await page.request.post("/api/v1/detectors/bocpd", { data: { series: [1, 2], hazard: 1.5 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "BAD_REQUEST" });
  const anonymous = await page.context().browser()?.newContext();
  const anon = await anonymous?.request.post(`${new URL(page.url()).origin}/api/v1/detectors/cusum`, {
    data: { series: [1], mean: 0, sd: 1 },
  });
  expect(anon?.status()).toBe(401);
  await anonymous?.close();
});
