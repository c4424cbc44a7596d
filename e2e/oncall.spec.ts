// On call end to end. An ADMIN puts the demo RISK user on duty (a manager behind them) with a signed
// JSON webhook (a loopback server this spec starts) and proposes a paging policy in which hard-floor
// pages escalate after 30 engine minutes (60 s at x30); a MANAGER approves it with the step-up of their
// sign-in. A sector-gap drill pushes accounts to the hard floor; the webhook receives the page,
// signed, with links back to the console and the account named by its code. The RISK user opens the
// incident's console link and acknowledges it. Deterministic by state, not by timing: the spec waits
// until another hard-floor incident of the same crash, left unacknowledged, has escalated to the
// manager, and then the acknowledged one still has its single page. It runs in a project of its own
// after the market-crash project, so no other spec sees its crash; every page it counts went to a
// channel it created, so incidents left open by earlier crashes cannot stand in for its own.
// Alone: `npx playwright test --project=oncall --no-deps` (a file filter alone still runs the projects it
// depends on, i.e. the whole suite).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { DEFAULT_POLICY } from "../server/oncall/policy";
import { claimStaff, expect, signIn, test } from "./fixtures";

const SECRET = "e2e-hook-secret";
// 60 s of wall time at x30: room to acknowledge on a loaded two-core machine.
const ESCALATE_AFTER_MIN = 30;
interface PageBody {
  title: string;
  titleZh: string;
  link: string;
  ackLink: string;
  incidentLink: string;
  severity: string;
  incidentId: string;
}
interface Received {
  body: PageBody;
  signatureOk: boolean;
}

/** A tRPC call from the page (its session cookie and Origin); returns status and data. */
async function call(page: Page, path: string, input: unknown, method: "POST" | "GET" = "POST") {
  return page.evaluate(
    async ([p, i, m]) => {
      const res =
        m === "GET"
          ? await fetch(`/api/trpc/${p}?input=${encodeURIComponent(JSON.stringify({ json: i }))}`)
          : await fetch(`/api/trpc/${p}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ json: i }),
            });
      const body = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
      return { status: res.status, data: body.result?.data?.json, error: body.error };
    },
    [path, input, method] as const,
  );
}

test("a hard-floor drill pages the on-duty risk user's webhook; acknowledging in the console stops the escalation", async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const ts = String(req.headers["x-minutedesk-timestamp"]);
      const expected = `sha256=${crypto.createHmac("sha256", SECRET).update(`${ts}.${raw}`).digest("hex")}`;
      received.push({
        body: JSON.parse(raw) as PageBody,
        signatureOk: req.headers["x-minutedesk-signature"] === expected,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [managerPage, riskPage] = await Promise.all(contexts.map((c) => c.newPage()));
    const adminCred = claimStaff("ADMIN");
    const managerCred = claimStaff("MANAGER");
    await Promise.all([
      signIn(page, adminCred.email, { timeout: 150_000 }),
      signIn(managerPage!, managerCred.email, { timeout: 150_000 }),
      signIn(riskPage!, "risk@demo.local", { timeout: 150_000 }),
    ]);

    // The policy: hard-floor pages escalate after 30 engine minutes. ADMIN proposes, MANAGER approves.
    const policy = {
      ...DEFAULT_POLICY,
      rules: DEFAULT_POLICY.rules.map((r) =>
        r.kind === "liquidation.hardFloor" ? { ...r, escalateAfterMinutes: ESCALATE_AFTER_MIN } : r,
      ),
    };
    const proposed = await call(page, "oncall.proposePolicy", { policy, reason: "e2e: room to acknowledge" });
    expect(proposed.status).toBe(200);
    const { version } = proposed.data as { version: number };
    expect((await call(managerPage!, "oncall.decidePolicy", { version, approve: true })).status).toBe(200);

    const people = (await call(page, "oncall.people", null, "GET")).data as { id: string; email: string }[];
    const risk = people.find((p) => p.email === "risk@demo.local");
    const manager = people.find((p) => p.email === managerCred.email);
    expect(risk && manager).toBeTruthy();
    // Engine time runs 30x: cover yesterday night to tomorrow night so the shift holds through the test.
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    for (const [d, kind] of [
      [day(-1), "NIGHT"],
      [day(0), "DAY"],
      [day(0), "NIGHT"],
      [day(1), "DAY"],
      [day(1), "NIGHT"],
    ] as const) {
      for (const [role, userId] of [
        ["RISK", risk!.id],
        ["MANAGER", manager!.id],
      ] as const) {
        // 409: the first attempt of this test (before a retry) already put this person in that position.
        expect([200, 409]).toContain(
          (await call(page, "oncall.addShift", { role, userId, position: 1, day: d, kind })).status,
        );
      }
    }
    expect(
      (
        await call(page, "oncall.addChannel", {
          userId: risk!.id,
          kind: "WEBHOOK",
          label: "risk desk hook",
          target: hookUrl,
          secret: SECRET,
          priority: 0,
        })
      ).status,
    ).toBe(200);
    // The setup page shows the rule for holes, the roster and the channel (its hint, never the secret).
    await page.goto("/admin/oncall");
    await expect(page.getByTestId("paging-rule")).toContainText("Nobody of that role is on duty");
    await expect(page.getByTestId("channels")).toContainText("risk desk hook");
    await expect(page.getByTestId("channels")).not.toContainText(SECRET);

    // A sector gap on a sector the liquidation spec left alone. A whole-market crash at x30 keeps the
    // engine's minute longer than a simulated minute, every bar is then STALE, and the mark guard rightly
    // opens no ticket on stale marks.
    expect(
      (await call(page, "monitoring.runDrill", { kind: "SECTOR_GAP", sector: "新能源", magnitude: 0.35 })).status,
    ).toBe(200);
    const hardFloor = () => received.filter((r) => r.body.title.startsWith("Hard floor"));
    // Two distinct hard-floor incidents: one to acknowledge, one left alone as the control.
    await expect
      .poll(() => new Set(hardFloor().map((r) => r.body.incidentId)).size, { timeout: 90_000 })
      .toBeGreaterThanOrEqual(2);
    const first = hardFloor()[0]!;
    const control = hardFloor().find((r) => r.body.incidentId !== first.body.incidentId)!;
    expect(first.signatureOk).toBe(true);
    expect(first.body.severity).toBe("CRITICAL");
    // The account is named by its code, never by its id; both languages travel.
    expect(first.body.title).toMatch(/^Hard floor: \S+ .+/);
    expect(first.body.titleZh).toMatch(/^触及强平线：/);
    const accountPath = new URL(first.body.link).pathname;
    expect(accountPath).toMatch(/^\/accounts\//);
    expect(first.body.title).not.toContain(decodeURIComponent(accountPath.split("/")[2] ?? "-"));
    expect(first.body.ackLink).toMatch(/\/oncall\/ack\?p=/);

    // The RISK user opens the incident's console link and acknowledges it.
    await riskPage!.goto(new URL(first.body.incidentLink).pathname + new URL(first.body.incidentLink).search);
    await expect(riskPage!.getByTestId("on-duty")).toContainText("Risk Desk (Demo)");
    const row = riskPage!.getByTestId("incidents").getByRole("row").filter({ hasText: first.body.title });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: "Acknowledge" }).click();
    const dialog = riskPage!.getByRole("dialog");
    await expect(dialog).toContainText("Acknowledge this incident?");
    await dialog.getByRole("button", { name: "Acknowledge" }).click();
    // The acknowledgement is one conditional update; on a loaded two-core machine it has taken over 15 s.
    await expect(dialog).toBeHidden({ timeout: 45_000 });
    await expect(row).toContainText("Acknowledged");
    await expect(row).toContainText("risk@demo.local");
    await expect(row.getByRole("cell").nth(6)).toHaveText("—");

    const pagesOf = async (id: string) =>
      ((await call(riskPage!, "oncall.incident", { id }, "GET")).data as { pages: { level: number }[] }).pages;
    // The control, unacknowledged, escalates to the manager after 30 engine minutes...
    await expect
      .poll(async () => (await pagesOf(control.body.incidentId)).map((p) => p.level), { timeout: 180_000 })
      .toEqual([0, 1]);
    // ...and the acknowledged incident of the same crash still has its single page.
    expect((await pagesOf(first.body.incidentId)).map((p) => p.level)).toEqual([0]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await new Promise<void>((r) => server.close(() => r()));
  }
});
