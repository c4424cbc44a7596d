// The risk engine in the browser: the heatmap leads to an account in warning and says why; the
// live accounts list filters, sorts and virtualizes; a parameter change is proposed by the risk
// desk and approved by a manager with an authenticator code; the desk shows live counts; the
// integration API evaluates the model and serves an account's figures.
import { claimStaff, expect, freshTotp, signIn, test } from "./fixtures";

test("the risk user opens the heatmap, opens a warning cell, picks an account, lands on the account and sees why it is in warning", async ({
  page,
}) => {
  await signIn(page, "risk@demo.local");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Margin heatmap" }).click();
  await expect(page.getByRole("heading", { name: "Margin heatmap", level: 1 })).toBeVisible();
  // The grid counts accounts per sector and band; a warning cell lists its accounts, worst first.
  const grid = page.getByTestId("heatmap-grid");
  await grid.locator('button[data-band="WARNING"]').first().click();
  const drill = page.getByTestId("heatmap-cell-accounts");
  const warning = drill.locator('a[data-status="WARNING"]');
  await expect(warning.first()).toBeVisible();
  // Prices move every 2 s: take the warning account furthest from both lines (ML nearest 1.15).
  const labels = await warning.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  const ml = (l: string) => Number(/margin level ([\d.]+)/.exec(l)?.[1] ?? "0");
  const label = [...labels].sort((a, b) => Math.abs(ml(a) - 1.15) - Math.abs(ml(b) - 1.15))[0] ?? "";
  const code = label.split(":")[0] ?? "";
  await drill.getByRole("link", { name: label, exact: true }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+$/);
  await expect(page.getByRole("heading", { name: `Account ${code}` })).toBeVisible();
  const why = page.getByTestId("why").first();
  await expect(why).toContainText("Warning");
  await expect(why).toContainText("Below the warning line: margin call");
  await expect(why).toContainText(
    /Margin level 1\.\d{3} = equity .+ ÷ maintenance margin .+ Lines of v1: warning 1\.30/,
  );
  await expect(why).toContainText("To clear the warning line: deposit");
  await expect(page.getByTestId("positions").getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Margin calls" })).toBeVisible();
  // The what-if calculator uses the same model: a 50% price crash is at least as bad as now.
  await page.getByLabel("Shock all prices (%)").fill("-50");
  await expect(page.getByTestId("what-if-status")).toContainText(/Liquidation|Hard floor/);
});

test("the accounts list is live, filterable by status, sortable and virtualized", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByText(/^1,000 accounts$/)).toBeVisible();
  // Virtualized: far fewer rows in the DOM than accounts.
  const rows = page.getByTestId("accounts-scroller").locator("tbody tr[data-status]");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(200);
  await page.getByLabel("Status").selectOption("HEALTHY");
  await expect(page).toHaveURL(/status=HEALTHY/);
  await expect(rows.first()).toHaveAttribute("data-status", "HEALTHY");
  await page.getByRole("button", { name: "Sort by Account" }).click();
  await expect(page.getByRole("columnheader", { name: /Account/ })).toHaveAttribute("aria-sort", "ascending");
  const first = (await rows.first().locator("td").first().textContent()) ?? "";
  await page.getByRole("searchbox").fill(first);
  await expect(rows).toHaveCount(1);
  await rows.first().press("Enter");
  await expect(page.getByRole("heading", { name: `Account ${first}` })).toBeVisible();
});

test("a parameter change is proposed by the risk desk and approved by a manager with an authenticator code", async ({
  page,
}) => {
  await signIn(page, "risk@demo.local");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Margin parameters" })
    .click();
  await expect(page.getByText("Active: version 1")).toBeVisible();
  const form = page.getByTestId("param-form");
  await form.getByLabel("IM multiplier").fill("1.6");
  await expect(form.getByTestId("param-diff")).toContainText("imMultiplier: 1.5 → 1.6");
  await page.getByLabel("Reason").fill("Raise initial margin ahead of the index rebalance");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByText("Version 2 proposed: a manager must approve it.")).toBeVisible();
  await expect(page.getByTestId("pending-proposal")).toContainText("imMultiplier: 1.5 → 1.6");

  await page.context().clearCookies();
  const manager = claimStaff("MANAGER");
  await signIn(page, manager.email);
  await page.goto("/risk/parameters");
  await page.getByLabel("Authenticator code").fill(await freshTotp(manager.totpSecret ?? ""));
  await page.getByRole("button", { name: "Approve" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText("Approve version 2? It takes effect at the next bar close.");
  await confirm.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Version 2: Approved: takes effect at the next bar close.")).toBeVisible();
  // The next bar close activates it (the e2e clock closes a minute every 2 s).
  await expect(page.getByText("Active: version 2")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("row", { name: /v1/ }).first()).toContainText("Superseded");
});

test("the desk shows live counts per status that open the filtered list", async ({ page }) => {
  await signIn(page, "risk@demo.local");
  const counts = page.getByTestId("risk-counts");
  await expect(counts).toBeVisible();
  const firstMinute = Number(await counts.getAttribute("data-minute"));
  await expect
    .poll(async () => Number(await counts.getAttribute("data-minute")), { timeout: 20_000 })
    .toBeGreaterThan(firstMinute);
  await page.getByRole("link", { name: "Open the accounts in Warning" }).click();
  await expect(page).toHaveURL(/\/accounts\?status=WARNING/);
});

test("the integration API evaluates the model and serves an account's live risk", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  const body = {
    cash: 2000,
    debt: 9000,
    positions: [
      {
        symbol: "600000.SH",
        qty: 1000,
        price: 10,
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        sigma: 0.001,
        adv: 1e7,
      },
    ],
  };
  const ok = await page.request.post("/api/v1/risk/evaluate", { data: body });
  expect(ok.status()).toBe(200);
  const r = (await ok.json()) as {
    equity: number;
    maintenanceMargin: number;
    marginLevel: number;
    status: string;
    positions: Array<{ m: number }>;
  };
  expect(r).toMatchObject({ equity: 3000, status: "HEALTHY" });
  expect(r.marginLevel).toBeCloseTo(2.5, 9);
  const bad = await page.request.post("/api/v1/risk/evaluate", {
    data: { ...body, positions: [{ ...body.positions[0], qty: -100 }] },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/quantity must be zero or more/);
  const lines = await page.request.post("/api/v1/risk/evaluate", {
    data: {
      ...body,
      params: {
        base: { A: 0.1 },
        liquidityMultiplier: { T1: 1 },
        sigmaRef: { A: 0.001 },
        sizeTiers: [[null, 1]],
        imMultiplier: 1.5,
        lines: { warning: 1, liquidation: 1.3, hardFloor: 0.5, target: 1.5 },
      },
    },
  });
  expect(lines.status()).toBe(400);
  expect(((await lines.json()) as { error: { message: string } }).error.message).toMatch(
    /hardFloor < liquidation < warning < target/,
  );
  const list = await page.request.get(
    "/api/trpc/accounts.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 1 } })),
  );
  const id =
    ((await list.json()) as { result: { data: { json: { items: Array<{ id: string }> } } } }).result.data.json.items[0]
      ?.id ?? "";
  const acc = await page.request.get(`/api/v1/accounts/${id}/risk`);
  expect(acc.status()).toBe(200);
  expect(await acc.json()).toMatchObject({
    accountId: id,
    parameterVersion: expect.any(Number),
    asOfBar: expect.stringMatching(/Z$/),
  });
  const spec = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/risk/evaluate", "/accounts/{id}/risk"]));
});
