// NOT RUN by the suite yet (Playwright only picks up *.spec.ts): it has never been seen passing. It
// needs the market clean of earlier hard-floor incidents (grouping folds a second crash's pages into
// the open incident) and failed after the liquidation spec's crash on the shared e2e server. To bring
// it back: give it a project of its own that runs before the market-crash project, and rename it.
// On call end to end: ADMIN puts the demo RISK user on duty with a signed JSON webhook (a loopback
// server this spec starts), a market-crash drill pushes accounts to the hard floor, the webhook
// receives the page with links back to the console, and the RISK user acknowledges in the console,
// which stops the escalation (no next page time is shown, and no one else is paged).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signIn, test } from "../fixtures";

const SECRET = "e2e-hook-secret";
interface Received {
  body: { title: string; link: string; ackLink: string; severity: string; incidentId: string };
  signatureOk: boolean;
}

test("a hard-floor drill pages the on-duty risk user's webhook; acknowledging in the console stops the escalation", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const ts = String(req.headers["x-minutedesk-timestamp"]);
      const expected = `sha256=${crypto.createHmac("sha256", SECRET).update(`${ts}.${raw}`).digest("hex")}`;
      received.push({
        body: JSON.parse(raw) as Received["body"],
        signatureOk: req.headers["x-minutedesk-signature"] === expected,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    await signIn(page, "admin@demo.local");
    // The page's own fetch carries the session cookie and the Origin the tRPC guard checks.
    const call = (path: string, input: unknown) =>
      page.evaluate(
        async ([p, i]) => {
          const res = await fetch(`/api/trpc/${p}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ json: i }),
          });
          return { status: res.status, body: (await res.json()) as { result?: { data?: { json?: unknown } } } };
        },
        [path, input] as const,
      );
    const people = await page.evaluate(async () => {
      const res = await fetch(`/api/trpc/oncall.people?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
      return ((await res.json()) as { result: { data: { json: { id: string; email: string }[] } } }).result.data.json;
    });
    const risk = people.find((p) => p.email === "risk@demo.local");
    const manager = people.find((p) => p.email === "manager@demo.local");
    expect(risk && manager).toBeDefined();
    // Engine time runs 30x: cover yesterday night to tomorrow day so the shift holds through the test.
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    for (const [d, kind] of [
      [day(-1), "NIGHT"],
      [day(0), "DAY"],
      [day(0), "NIGHT"],
      [day(1), "DAY"],
      [day(1), "NIGHT"],
    ] as const) {
      // The risk user first, then the manager: the chain has a next level for the escalation to reach.
      expect(
        (await call("oncall.addShift", { role: "RISK", userId: risk!.id, position: 1, day: d, kind })).status,
      ).toBe(200);
      expect(
        (await call("oncall.addShift", { role: "MANAGER", userId: manager!.id, position: 1, day: d, kind })).status,
      ).toBe(200);
    }
    const ch = await call("oncall.addChannel", {
      userId: risk!.id,
      kind: "WEBHOOK",
      label: "risk desk hook",
      target: hookUrl,
      secret: SECRET,
      priority: 0,
    });
    expect(ch.status).toBe(200);
    // The setup page shows the roster and the channel (its hint, never the secret).
    await page.goto("/admin/oncall");
    await expect(page.getByTestId("channels")).toContainText("risk desk hook");
    await expect(page.getByTestId("channels")).not.toContainText(SECRET);

    // The risk user signs in before the drill, so the acknowledgement comes inside the 5-minute window.
    const ctx = await browser.newContext();
    const riskPage = await ctx.newPage();
    await signIn(riskPage, "risk@demo.local");

    const drill = await call("monitoring.runDrill", { kind: "MARKET_CRASH", magnitude: 0.5 });
    expect(drill.status).toBe(200);
    await expect
      .poll(() => received.find((r) => r.body.title.startsWith("Hard floor"))?.body.severity, { timeout: 90_000 })
      .toBe("CRITICAL");
    const first = received.find((r) => r.body.title.startsWith("Hard floor"))!;
    expect(first.signatureOk).toBe(true);
    expect(first.body.link).toMatch(/^http:\/\/localhost:\d+\/accounts\//);
    expect(first.body.ackLink).toMatch(/\/oncall\/ack\?p=/);

    // The RISK user acknowledges that incident in the console.
    await riskPage.goto("/oncall");
    await expect(riskPage.getByTestId("on-duty")).toContainText("Risk Desk (Demo)");
    const row = riskPage.getByRole("row").filter({ hasText: first.body.title }).first();
    await row.getByRole("button", { name: "Acknowledge" }).click();
    const dialog = riskPage.getByRole("dialog");
    await expect(dialog).toContainText("Acknowledge this incident?");
    await dialog.getByRole("button", { name: "Acknowledge" }).click();
    await expect(dialog).toBeHidden();
    const acked = riskPage.getByRole("row").filter({ hasText: first.body.title }).first();
    await expect(acked).toContainText("Acknowledged");
    await expect(acked).toContainText("risk@demo.local");
    // Escalation stopped: no next escalation time, and after the 5-minute window (10 s at 30x) the
    // incident still has exactly one page.
    await expect(acked.getByRole("cell").nth(6)).toHaveText("—");
    const pagesOf = () =>
      riskPage.evaluate(async (id) => {
        const res = await fetch(
          `/api/trpc/oncall.incident?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`,
        );
        return ((await res.json()) as { result: { data: { json: { pages: unknown[] } } } }).result.data.json.pages
          .length;
      }, first.body.incidentId);
    expect(await pagesOf()).toBe(1);
    const engineNow = () =>
      riskPage.evaluate(
        async () =>
          ((await (await fetch("/api/v1/health")).json()) as { engine: { lastTickAt: string | null } }).engine
            .lastTickAt,
      );
    const startTick = await engineNow();
    // Six engine minutes pass (each minute close moves lastTickAt); then the page count is unchanged.
    let closes = 0;
    let last = startTick;
    await expect
      .poll(
        async () => {
          const now = await engineNow();
          if (now !== last) {
            closes += 1;
            last = now;
          }
          return closes;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBeGreaterThanOrEqual(6);
    expect(await pagesOf()).toBe(1);
    await ctx.close();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
