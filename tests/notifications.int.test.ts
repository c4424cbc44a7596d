// The notification centre, on PGlite and PostgreSQL: each kind of notification reaches exactly the
// right people. Bus events (a liquidation ticket opening, a desk event, a market alert on a watched
// symbol) and the queues (a failed payment, a case assignment, approvals waiting, an on-call page) go
// through the notifier; repeats write nothing new; the router reads and marks only the caller's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBus } from "@/server/engine/event-bus";
import { publishDeskEvent } from "@/server/notify/desk-event";
import { Notifier } from "@/server/notify/notifier";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T = Date.parse("2026-12-03T02:00:00Z");

describe.each(BACKENDS)("notifications on %s", (kind) => {
  let t: TestDatabase;
  let n: Notifier;
  const bus = createInProcessBus();
  let risk1: TestUser, risk2: TestUser, comp1: TestUser, comp2: TestUser, mgr1: TestUser, mgr2: TestUser;
  let admin1: TestUser, admin2: TestUser, auditor: TestUser;
  let all: TestUser[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    n = new Notifier({
      prisma: t.db.prisma,
      bus,
      log: (msg, err) => {
        throw new Error(`${msg}: ${String(err)}`);
      },
    });
    n.listen();
    risk1 = await createUser(t.db, "RISK", { email: "risk1@test.local" });
    risk2 = await createUser(t.db, "RISK", { email: "risk2@test.local" });
    comp1 = await createUser(t.db, "COMPLIANCE", { email: "comp1@test.local" });
    comp2 = await createUser(t.db, "COMPLIANCE", { email: "comp2@test.local" });
    mgr1 = await createUser(t.db, "MANAGER", { email: "mgr1@test.local" });
    mgr2 = await createUser(t.db, "MANAGER", { email: "mgr2@test.local" });
    admin1 = await createUser(t.db, "ADMIN", { email: "admin1@test.local" });
    admin2 = await createUser(t.db, "ADMIN", { email: "admin2@test.local" });
    auditor = await createUser(t.db, "AUDITOR", { email: "auditor@test.local" });
    all = [risk1, risk2, comp1, comp2, mgr1, mgr2, admin1, admin2, auditor];
    await t.db.prisma.account.create({
      data: { id: "acc-a", code: "A00001", clientName: "王芳", cash: "0", debt: "0" },
    });
  });
  afterAll(async () => {
    await n.idle();
    await t.drop();
  });

  /** The emails that hold a notification with this dedupe key (sorted). */
  const holders = async (dedupeKey: string) => {
    const rows = await t.db.prisma.notification.findMany({ where: { dedupeKey } });
    const byId = new Map(all.map((u) => [u.id, u.email]));
    return rows.map((r) => byId.get(r.userId) ?? r.userId).sort();
  };

  it("a new liquidation ticket tells every RISK user, naming the account, once", async () => {
    const e = {
      eventId: 1,
      ticketId: "tk-1",
      accountId: "acc-a",
      kind: "OPEN",
      from: null,
      to: "OPEN",
      urgency: "HARD_FLOOR",
      actor: "system",
      ts: T,
    };
    bus.publish("liquidation:ticket", e);
    bus.publish("liquidation:ticket", e);
    bus.publish("liquidation:ticket", { ...e, eventId: 2, kind: "HOLD" });
    await n.idle();
    expect(await holders("ticket:tk-1")).toEqual(["risk1@test.local", "risk2@test.local"]);
    const row = await t.db.prisma.notification.findFirstOrThrow({
      where: { dedupeKey: "ticket:tk-1", userId: risk1.id },
    });
    expect(row).toMatchObject({
      kind: "liquidation.ticket",
      severity: "CRITICAL",
      title: "New liquidation ticket: A00001 王芳",
      titleZh: "新强平工单：A00001 王芳",
      href: "/risk/liquidations?ticket=tk-1",
    });
    expect(await t.db.prisma.notification.count({ where: { objectId: "tk-1" } })).toBe(2);
  });

  it("a desk event reaches its kind's roles; an SLA breach also its assignee", async () => {
    await t.db.prisma.surveillanceCase.create({
      data: {
        id: "case-1",
        accountId: "acc-a",
        priority: 2,
        assigneeId: comp2.id,
        slaDueAt: new Date(T),
        status: "OPEN",
      },
    });
    const base = { severity: "WARNING" as const, title: "t", detail: "d", zh: { title: "标", detail: "详" }, ts: T };
    publishDeskEvent(bus, {
      ...base,
      kind: "capital.lcrLow",
      key: "lcr",
      objectType: "Capital",
      objectId: null,
      link: "/capital",
    });
    publishDeskEvent(bus, {
      ...base,
      kind: "case.slaBreached",
      key: "case:case-1",
      objectType: "SurveillanceCase",
      objectId: "case-1",
      link: "/compliance/cases/case-1",
    });
    await n.idle();
    const hour = Math.floor(T / 3_600_000);
    expect(await holders(`desk:capital.lcrLow:lcr:${hour}`)).toEqual([
      "mgr1@test.local",
      "mgr2@test.local",
      "risk1@test.local",
      "risk2@test.local",
    ]);
    expect(await holders(`desk:case.slaBreached:case:case-1:${hour}`)).toEqual([
      "comp1@test.local",
      "comp2@test.local",
    ]);
  });

  it("a market alert reaches exactly the users who watch its symbol", async () => {
    await t.db.prisma.watchlistItem.createMany({
      data: [
        { userId: risk2.id, symbol: "600000.SH" },
        { userId: auditor.id, symbol: "600000.SH" },
        { userId: mgr1.id, symbol: "600036.SH" },
      ],
    });
    const alert = {
      id: "al-1",
      symbol: "600000.SH",
      ts: T,
      createdAt: T,
      kind: "VOLUME_SPIKE",
      severity: "HIGH",
      evidence: {},
      latencyMs: null,
      ackAt: null,
      ackByEmail: null,
      ackNote: null,
    };
    bus.publish("market:alerts", { minuteTs: T, alerts: [alert], actions: [], latencyMs: 5 });
    await n.idle();
    expect(await holders("alert:al-1")).toEqual(["auditor@test.local", "risk2@test.local"]);
  });

  it("the queue scan: failed payment to maker and approver, assignment to the assignee, approvals to checkers other than the maker, a page to the paged person", async () => {
    const p = t.db.prisma;
    const w = {
      accountId: "acc-a",
      channel: "BANK",
      beneficiaryName: "王芳",
      beneficiaryAcct: "6222",
      amount: "12500.00",
    };
    await p.withdrawal.create({
      data: {
        ...w,
        id: "wd-f",
        status: "FAILED",
        requestedById: risk1.id,
        idempotencyKey: "k1",
        failureReason: "beneficiary account closed",
        approvals: { create: [{ approverId: mgr2.id, approverEmail: mgr2.email, idempotencyKey: "a1" }] },
      },
    });
    await p.withdrawal.create({
      data: { ...w, id: "wd-p", status: "PENDING_APPROVAL", requestedById: mgr1.id, idempotencyKey: "k2" },
    });
    await p.riskParamVersion.create({
      data: { version: 7, params: {}, status: "PROPOSED", reason: "tighter tiers", proposedById: risk1.id },
    });
    await p.accessProposal.create({
      data: { id: "ap-1", kind: "CHANGE_ROLE", targetEmail: "x@test.local", payload: {}, proposedById: admin1.id },
    });
    const inc = await p.oncallIncident.create({
      data: {
        key: "feed",
        kind: "feed.allStale",
        severity: "CRITICAL",
        title: "All stale",
        detail: "d",
        link: "/admin/system",
        status: "OPEN",
        policyVersion: 1,
        firstRole: "RISK",
        escalateAfterMin: 5,
        chain: [],
        firstAt: new Date(T),
        lastAt: new Date(T),
        lastPagedAt: new Date(T),
      },
    });
    await p.oncallPage.create({
      data: {
        id: "pg-1",
        incidentId: inc.id,
        userId: risk2.id,
        role: "RISK",
        level: 1,
        reason: "FIRST",
        severity: "CRITICAL",
        createdAt: new Date(T),
      },
    });
    await n.scan();
    await n.scan();
    expect(await holders("payment-failed:wd-f")).toEqual(["mgr2@test.local", "risk1@test.local"]);
    const failed = await p.notification.findFirstOrThrow({
      where: { dedupeKey: "payment-failed:wd-f", userId: risk1.id },
    });
    expect(failed.body).toBe(
      "The approved withdrawal of CNY 12,500.00 for A00001 failed at the rail: beneficiary account closed",
    );
    expect(failed.href).toBe("/payments/processed?withdrawal=wd-f");
    expect(await holders(`case-assigned:case-1:${comp2.id}`)).toEqual(["comp2@test.local"]);
    expect(await holders("approve-withdrawal:wd-p")).toEqual(["mgr2@test.local"]);
    expect(await holders("approve-params:7")).toEqual(["mgr1@test.local", "mgr2@test.local"]);
    expect(await holders("approve-access:ap-1")).toEqual(["admin2@test.local"]);
    expect(await holders("page:pg-1")).toEqual(["risk2@test.local"]);
    // 2 ticket + 4 capital + 2 SLA + 2 alert + 2 failed + 1 assigned + 1 + 2 + 1 approvals + 1 page, written once.
    expect(await p.notification.count()).toBe(18);
  });

  it("the router reads and marks only the caller's own notifications", async () => {
    const c = callerFor(t.db, risk1);
    // risk1: ticket, capital line, failed payment.
    expect(await c.notifications.unreadCount()).toBe(3);
    const list = await c.notifications.list({ unreadOnly: false, limit: 30 });
    expect(list.map((x) => x.kind).sort()).toEqual(["desk.event", "liquidation.ticket", "payment.failed"]);
    const other = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: risk2.id } });
    expect(await c.notifications.markRead({ ids: [list[0]!.id, other.id] })).toEqual({ marked: 1 });
    expect(await c.notifications.unreadCount()).toBe(2);
    expect(await callerFor(t.db, risk2).notifications.unreadCount()).toBe(4);
    expect(await c.notifications.markAllRead()).toEqual({ marked: 2 });
    expect(await c.notifications.unreadCount()).toBe(0);
  });
});
