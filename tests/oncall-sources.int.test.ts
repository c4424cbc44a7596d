// Each domain's desk event reaches a person, on PGlite and PostgreSQL: a liquidation slice that fails on
// its own (liquidation desk -> bus), the capital lines (capital -> bus), a case past its SLA
// (surveillance, marked once), a step-up lock-out (auth -> audit trail), the engine's leader lock lost
// (engine -> bus); texts name the account by its code and client name, in English and Chinese. And the
// one rule for a hole in the roster: everyone holding the role, then the manager on duty, and ADMIN is
// told once per role while the hole incident is open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepUp, MAX_STEP_UP_FAILURES } from "@/server/auth/step-up";
import { generateTotpCode } from "@/server/auth/totp";
import { capitalLineEvents } from "@/server/capital/capital-lines";
import { leaderLostEvent } from "@/server/engine/leader-events";
import { createInProcessBus } from "@/server/engine/event-bus";
import { publishDeskEvent } from "@/server/notify/desk-event";
import { readStepUpLockouts, subscribeDeskEvents } from "@/server/oncall/event-sources";
import { markSlaBreaches } from "@/server/surveillance/case-sla";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { createDesk, seedBook } from "./helpers/liquidation";
import { createPager, startHook, type Hook, type PagerFixture } from "./helpers/oncall";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const MIN = 60_000;
// 2026-12-03T19:00Z is 03:00 in Shanghai: the night shift of 2026-12-03.
const T = Date.parse("2026-12-03T19:00:00Z");
const SECRET = "hook-signing-secret";
const ACCOUNTS = [
  { id: "acc-a", debt: 8900, positions: [{ symbol: "600000.SH", qty: 1000 }] },
  { id: "acc-b", debt: 8900, positions: [{ symbol: "600036.SH", qty: 1000 }] },
];

describe.each(BACKENDS)("desk events from their domains page on %s", (kind) => {
  let t: TestDatabase;
  let hook: Hook;
  let f: PagerFixture;
  let admin: TestUser, alice: TestUser, mia: TestUser, cora: TestUser;
  const bus = createInProcessBus();

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    hook = await startHook();
    f = createPager(t.db, T);
    subscribeDeskEvents(bus, (e) => void f.pager.handle(e));
    admin = await createUser(t.db, "ADMIN", { email: "admin@test.local" });
    alice = await createUser(t.db, "RISK", { email: "alice@test.local" });
    mia = await createUser(t.db, "MANAGER", { email: "mia@test.local" });
    cora = await createUser(t.db, "COMPLIANCE", { email: "cora@test.local" });
    const a = callerFor(t.db, admin, { services: f.services });
    // On duty: alice for RISK and mia as manager. Nobody for COMPLIANCE or ADMIN (holes).
    await a.oncall.addShift({ role: "RISK", userId: alice.id, position: 1, day: "2026-12-03", kind: "NIGHT" });
    await a.oncall.addShift({ role: "MANAGER", userId: mia.id, position: 1, day: "2026-12-03", kind: "NIGHT" });
    for (const u of [admin, alice, mia, cora]) {
      await a.oncall.addChannel({
        userId: u.id,
        kind: "WEBHOOK",
        label: `${u.email} hook`,
        target: `${hook.url}?to=${encodeURIComponent(u.email)}`,
        secret: SECRET,
        priority: 0,
      });
    }
    await seedBook(t.db, ACCOUNTS);
  });
  afterAll(async () => {
    await hook.close();
    await t.drop();
  });

  const incidentsOf = (k: string) =>
    t.db.prisma.oncallIncident.findMany({
      where: { kind: k },
      orderBy: { title: "asc" },
      include: { pages: { orderBy: { level: "asc" } } },
    });
  /** What the hook received for `email` since `from` (parsed bodies). */
  const receivedBy = (email: string, from = 0) =>
    hook.received
      .slice(from)
      .filter((r) => r.path.endsWith(`?to=${encodeURIComponent(email)}`))
      .map((r) => JSON.parse(r.body) as { title: string; titleZh: string; detailZh: string; link: string });

  it("a slice that fails on its own pages the risk user on duty, naming the account by code and name in both languages", async () => {
    const d = await createDesk(t.db, {
      afterFill: () => {
        throw new Error("broker rejected the order");
      },
    });
    subscribeDeskEvents(d.bus, (e) => void f.pager.handle(e));
    await d.closeMinute(Date.UTC(2026, 11, 2, 2, 0, 0));
    d.clock.now = (await t.db.prisma.liquidationTicket.findFirstOrThrow()).deadline.getTime();
    await d.desk.checkDue();
    await f.pager.idle();
    const inc = await incidentsOf("liquidation.executionFailed");
    // The batch of two failed, then each ticket on its own: one incident per ticket.
    expect(inc.map((i) => [i.title, i.titleZh, i.link, i.severity])).toEqual([
      ["Liquidation execution failed: ACC-A acc-a", "强平执行失败：ACC-A acc-a", "/accounts/acc-a", "CRITICAL"],
      ["Liquidation execution failed: ACC-B acc-b", "强平执行失败：ACC-B acc-b", "/accounts/acc-b", "CRITICAL"],
    ]);
    expect(inc[0]!.detail).toContain("broker rejected the order");
    expect(inc.flatMap((i) => i.pages.map((p) => [p.userId, p.reason]))).toEqual([
      [alice.id, "FIRST"],
      [alice.id, "FIRST"],
    ]);
    const before = hook.received.length;
    await f.pager.tick();
    const got = receivedBy("alice@test.local", before).filter((b) => b.title.startsWith("Liquidation"));
    expect(got.map((b) => b.titleZh).sort()).toEqual(["强平执行失败：ACC-A acc-a", "强平执行失败：ACC-B acc-b"]);
    expect(got[0]!.link).toMatch(/^http:\/\/desk\.test\/accounts\/acc-/);
    // The retry at the next pass groups into the same incidents (same key), no new page.
    await d.desk.checkDue();
    await f.pager.idle();
    const again = await incidentsOf("liquidation.executionFailed");
    expect(again).toHaveLength(2);
    expect(again.every((i) => i.pages.length === 1)).toBe(true);
  });

  it("the LCR and the guarantee fund below their lines page the manager on duty", async () => {
    const events = capitalLineEvents(
      {
        lcr: 0.95,
        minLcr: 1,
        reserveRatio: null,
        minReserveRatio: 0.1,
        guaranteeBalance: 4_999_999.99,
        guaranteeFunded: 10_000_000,
      },
      f.clock.now,
    );
    for (const e of events) publishDeskEvent(bus, e);
    await f.pager.idle();
    const lcr = await incidentsOf("capital.lcrLow");
    const fund = await incidentsOf("capital.guaranteeFundLow");
    expect(lcr.map((i) => [i.title, i.pages.map((p) => p.userId)])).toEqual([
      ["LCR 95.0% is below its line of 100.0%", [mia.id]],
    ]);
    expect(fund.map((i) => [i.title, i.titleZh, i.pages.map((p) => p.userId)])).toEqual([
      [
        "Guarantee fund CNY 4,999,999.99 is below its line of CNY 5,000,000.00",
        "担保基金 CNY 4,999,999.99 低于警戒线 CNY 5,000,000.00",
        [mia.id],
      ],
    ]);
  });

  it("a case past its SLA is marked once and pages compliance; with nobody on duty everyone holding the role is paged and ADMIN is told once", async () => {
    const mk = (accountId: string, dueAgoMin: number) =>
      t.db.prisma.surveillanceCase.create({
        data: {
          accountId,
          priority: 72,
          rules: ["WASH"],
          slaDueAt: new Date(T - dueAgoMin * MIN),
          openedAt: new Date(T - 5 * 60 * MIN),
        },
      });
    const c1 = await mk("acc-a", 1);
    await mk("acc-b", -10); // due in 10 minutes: not yet
    const first = await markSlaBreaches(t.db.prisma, T);
    expect(first.map((e) => [e.kind, e.objectId, e.link])).toEqual([
      ["case.slaBreached", c1.id, `/compliance/cases/${c1.id}`],
    ]);
    expect(await markSlaBreaches(t.db.prisma, T + MIN)).toEqual([]); // marked: not again
    expect(await t.db.prisma.caseEvent.count({ where: { caseId: c1.id, kind: "SLA_BREACHED" } })).toBe(1);
    for (const e of first) publishDeskEvent(bus, e);
    await f.pager.idle();
    const [inc] = await incidentsOf("case.slaBreached");
    expect(inc!.title).toBe("Case SLA breached: ACC-A acc-a");
    expect(inc!.titleZh).toBe("监控案件超出时限：ACC-A acc-a");
    // Nobody on the COMPLIANCE roster: every COMPLIANCE user (cora) at level 0, then the manager on duty.
    expect(inc!.pages.map((p) => [p.level, p.userId, p.reason])).toEqual([[0, cora.id, "NOBODY_ON_DUTY"]]);
    expect((inc!.chain as { level: number; userId: string }[]).map((x) => [x.level, x.userId])).toEqual([
      [0, cora.id],
      [1, mia.id],
    ]);
    // ADMIN hears about the hole (nobody on the ADMIN roster either: every ADMIN).
    const holes = await incidentsOf("oncall.rosterHole");
    expect(holes.map((h) => [h.key, h.pages.map((p) => p.userId)])).toEqual([["roster-hole:COMPLIANCE", [admin.id]]]);
    // The second case breaches ten minutes later: a new case incident, the same hole incident (grouped).
    f.clock.now = T + 11 * MIN;
    for (const e of await markSlaBreaches(t.db.prisma, T + 11 * MIN)) publishDeskEvent(bus, e);
    await f.pager.idle();
    expect(await incidentsOf("case.slaBreached")).toHaveLength(2);
    const holes2 = await incidentsOf("oncall.rosterHole");
    expect(holes2.map((h) => [h.occurrences, h.pages.length])).toEqual([[2, 1]]);
  });

  it("five wrong step-up codes lock the manager's step-up and page ADMIN", async () => {
    const boss = await createUser(t.db, "MANAGER", { email: "boss@test.local" });
    const now = Date.now();
    const valid = new Set([-30_000, 0, 30_000].map((d) => generateTotpCode(boss.totpSecret!, now + d)));
    let wrong = "000000";
    while (valid.has(wrong)) wrong = String(Number(wrong) + 1).padStart(6, "0");
    const cursor = (await t.db.prisma.auditEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;
    for (let i = 0; i < MAX_STEP_UP_FAILURES; i += 1) {
      // The fifth wrong code is the one that locks.
      await expect(stepUp(t.db.prisma, boss, wrong, now)).rejects.toThrow(
        i < MAX_STEP_UP_FAILURES - 1 ? /not valid/ : /locked/,
      );
    }
    const { events } = await readStepUpLockouts(t.db.prisma, cursor, f.clock.now);
    expect(events.map((e) => [e.kind, e.title, e.zh.title])).toEqual([
      ["auth.stepUpLocked", "Step-up locked: boss@test.local", "二次验证已锁定：boss@test.local"],
    ]);
    for (const e of events) await f.pager.handle(e);
    const [inc] = await incidentsOf("auth.stepUpLocked");
    expect(inc!.pages.map((p) => p.userId)).toEqual([admin.id]);
  });

  it("the engine's leader lock lost pages ADMIN at once", async () => {
    publishDeskEvent(bus, leaderLostEvent("desk-2:4242", f.clock.now));
    await f.pager.idle();
    const before = hook.received.length;
    await f.pager.tick();
    const [inc] = await incidentsOf("engine.leaderLost");
    expect(inc!.severity).toBe("CRITICAL");
    expect(inc!.detail).toContain("desk-2:4242");
    expect(receivedBy("admin@test.local", before).map((b) => b.title)).toContain(
      "The minute engine lost its leader lock",
    );
  });
});
