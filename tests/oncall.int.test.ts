// On-call paging end to end on PGlite and PostgreSQL, through appRouter.createCaller and the pager
// with an injected engine clock: roster -> page -> signed webhook on loopback -> escalation to the
// next person and the manager -> acknowledgement stops it; grouping of repeats; retries with backoff
// and failover to the next channel with an ADMIN alert; quiet hours; maker-checker policies; the
// signed acknowledge link; two people acknowledging at once.
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import type { DeskEvent } from "@/server/notify/desk-event";
import { acknowledgeByLink } from "@/server/oncall/incident-actions";
import { DEFAULT_POLICY } from "@/server/oncall/policy";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { createPager, startHook, type Hook, type PagerFixture } from "./helpers/oncall";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const MIN = 60_000;
// 2026-12-03T19:00Z is 03:00 in Shanghai: inside the default quiet hours (22:00-07:00) and the night shift.
const T = Date.parse("2026-12-03T19:00:00Z");
const SECRET = "hook-signing-secret";

const hardFloor = (ticket: string, ts = T): DeskEvent => ({
  kind: "liquidation.hardFloor",
  severity: "CRITICAL",
  key: `ticket:${ticket}`,
  title: `Hard floor: account acc-${ticket}`,
  detail: "below the hard floor",
  zh: { title: `触及强平线：acc-${ticket}`, detail: "跌破强平线" },
  objectType: "LiquidationTicket",
  objectId: ticket,
  link: `/accounts/acc-${ticket}`,
  ts,
});

describe.each(BACKENDS)("on-call paging on %s", (kind) => {
  let t: TestDatabase;
  let hook: Hook;
  let f: PagerFixture;
  let admin: TestUser, alice: TestUser, bob: TestUser, mia: TestUser;

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    hook = await startHook();
    f = createPager(t.db, T);
    admin = await createUser(t.db, "ADMIN");
    alice = await createUser(t.db, "RISK", { email: "alice@test.local" });
    bob = await createUser(t.db, "RISK", { email: "bob@test.local" });
    mia = await createUser(t.db, "MANAGER", { email: "mia@test.local" });
    const a = callerFor(t.db, admin, { services: f.services });
    for (const [u, role, position] of [
      [alice, "RISK", 1],
      [bob, "RISK", 2],
      [mia, "MANAGER", 1],
    ] as const) {
      await a.oncall.addShift({ role, userId: u.id, position, day: "2026-12-03", kind: "NIGHT" });
    }
  });
  afterEach(async () => {
    await hook.close();
    await t.drop();
  });

  const admin$ = () => callerFor(t.db, admin, { services: f.services });
  const addHook = (user: TestUser, priority = 0, url = hook.url) =>
    admin$().oncall.addChannel({
      userId: user.id,
      kind: "WEBHOOK",
      label: `${user.email} hook`,
      target: url,
      secret: SECRET,
      priority,
    });
  const incidents = () =>
    t.db.prisma.oncallIncident.findMany({ include: { pages: { orderBy: { createdAt: "asc" } } } });

  it("the roster says who is on duty; pages escalate alice -> bob -> manager every 5 minutes until acknowledged", async () => {
    const onDuty = await callerFor(t.db, alice, { services: f.services }).oncall.onDuty();
    expect(onDuty.find((r) => r.role === "RISK")?.people.map((p) => p.email)).toEqual([
      "alice@test.local",
      "bob@test.local",
    ]);
    await addHook(alice);
    await f.pager.handle(hardFloor("t1"));
    await f.pager.tick();
    // The webhook got the page with a link to the account and a signed acknowledge link.
    expect(hook.received).toHaveLength(1);
    const got = hook.received[0]!;
    const ts = String(got.headers["x-minutedesk-timestamp"]);
    const sig = crypto.createHmac("sha256", SECRET).update(`${ts}.${got.body}`).digest("hex");
    expect(got.headers["x-minutedesk-signature"]).toBe(`sha256=${sig}`);
    const body = JSON.parse(got.body) as { link: string; ackLink: string; severity: string };
    expect(body.link).toBe("http://desk.test/accounts/acc-t1");
    expect(body.ackLink).toMatch(/^http:\/\/desk\.test\/oncall\/ack\?p=.+&e=\d+&s=/);
    expect(body.severity).toBe("CRITICAL"); // critical: out even in quiet hours

    f.clock.now = T + 5 * MIN - 1;
    expect((await f.pager.tick()).escalated).toBe(0);
    f.clock.now = T + 5 * MIN;
    expect((await f.pager.tick()).escalated).toBe(1);
    f.clock.now = T + 10 * MIN;
    expect((await f.pager.tick()).escalated).toBe(1);
    let [inc] = await incidents();
    expect(inc!.pages.map((p) => [p.userId, p.level, p.reason])).toEqual([
      [alice.id, 0, "FIRST"],
      [bob.id, 1, "ESCALATION"],
      [mia.id, 2, "ESCALATION"],
    ]);
    // The manager is the end of the chain: nothing more.
    f.clock.now = T + 60 * MIN;
    expect((await f.pager.tick()).escalated).toBe(0);
    await callerFor(t.db, mia, { services: f.services }).oncall.acknowledge({ id: inc!.id });
    [inc] = await incidents();
    expect([inc!.status, inc!.acknowledgedById, inc!.acknowledgedVia]).toEqual(["ACKNOWLEDGED", mia.id, "CONSOLE"]);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { action: { startsWith: "oncall." } },
      orderBy: { id: "asc" },
    });
    expect(
      audit.map((a) => a.action).filter((a) => !a.startsWith("oncall.shift") && !a.startsWith("oncall.channel")),
    ).toEqual(["oncall.paged", "oncall.escalated", "oncall.escalated", "oncall.acknowledged"]);
    expect((await verifyAuditChain(t.db.prisma)).ok).toBe(true);
  });

  it("acknowledging at the first page stops the escalation; resolving frees the key for a new incident", async () => {
    await f.pager.handle(hardFloor("t2"));
    const [inc] = await incidents();
    await callerFor(t.db, alice, { services: f.services }).oncall.acknowledge({ id: inc!.id });
    f.clock.now = T + 30 * MIN;
    expect((await f.pager.tick()).escalated).toBe(0);
    await callerFor(t.db, alice, { services: f.services }).oncall.resolve({ id: inc!.id, note: "account topped up" });
    await f.pager.handle(hardFloor("t2", T + 31 * MIN));
    expect((await incidents()).map((i) => i.status).sort()).toEqual(["OPEN", "RESOLVED"]);
  });

  it("repeats of one event group into its incident without paging again; a rise in severity re-pages", async () => {
    const warn: DeskEvent = { ...hardFloor("x"), kind: "feed.failover", severity: "WARNING", key: "feed:failover" };
    for (let i = 0; i < 5; i += 1) {
      f.clock.now = T + i * MIN;
      await f.pager.handle({ ...warn, ts: f.clock.now });
    }
    let [inc] = await incidents();
    expect((await incidents()).length).toBe(1);
    expect([inc!.occurrences, inc!.pages.length]).toEqual([5, 1]);
    // feed.allStale is another kind and key: its own incident. A custom CRITICAL rule for failover re-pages.
    await t.db.prisma.oncallPolicyVersion.create({
      data: {
        version: 1,
        status: "APPROVED",
        reason: "test",
        proposedById: admin.id,
        proposedByEmail: admin.email,
        policy: {
          ...DEFAULT_POLICY,
          rules: DEFAULT_POLICY.rules.map((r) => (r.kind === "feed.failover" ? { ...r, severity: null } : r)),
        },
      },
    });
    await f.pager.handle({ ...warn, severity: "CRITICAL" });
    [inc] = await incidents();
    expect([inc!.severity, inc!.occurrences, inc!.pages.map((p) => p.reason)]).toEqual([
      "CRITICAL",
      6,
      ["FIRST", "SEVERITY"],
    ]);
  });

  it("quiet hours hold a warning in the console at 03:00 Shanghai; a critical page goes out", async () => {
    await addHook(alice);
    await f.pager.handle({ ...hardFloor("q"), kind: "feed.failover", severity: "WARNING", key: "feed:failover" });
    await f.pager.handle(hardFloor("q2"));
    await f.pager.tick();
    const deliveries = await t.db.prisma.oncallDelivery.findMany({
      include: { page: { include: { incident: true } } },
    });
    const byKind = (k: string) => deliveries.filter((d) => d.page.incident.kind === k).map((d) => [d.kind, d.status]);
    expect(byKind("feed.failover").sort()).toEqual([
      ["EXTERNAL", "HELD"],
      ["IN_APP", "SENT"],
    ]);
    expect(byKind("liquidation.hardFloor").sort()).toEqual([
      ["IN_APP", "SENT"],
      ["WEBHOOK", "SENT"],
    ]);
    expect(hook.received).toHaveLength(1);
  });

  it("a failing channel is retried with backoff (15 s, 30 s, 60 s), then the page fails over and ADMIN is alerted", async () => {
    const bad = await startHook();
    bad.status = 500;
    try {
      await addHook(alice, 0, bad.url);
      await addHook(alice, 1, hook.url);
      await f.pager.handle(hardFloor("r"));
      const ticksAt = [0, 15_000 - 1, 15_000, 45_000, 105_000];
      const results = [];
      for (const dt of ticksAt) {
        f.clock.now = T + dt;
        results.push(await f.pager.tick());
      }
      // Attempts at +0, +15 s, +45 s (15 + 30), +105 s (45 + 60): four, then failed over at once.
      expect(bad.received).toHaveLength(4);
      expect(results.map((r) => [r.sent, r.failed])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 1],
      ]);
      f.clock.now = T + 105_000;
      await f.pager.tick();
      expect(hook.received).toHaveLength(1);
      const ds = await t.db.prisma.oncallDelivery.findMany({
        where: { kind: "WEBHOOK" },
        orderBy: { createdAt: "asc" },
      });
      expect(ds.map((d) => [d.status, d.attempts])).toEqual([
        ["FAILED", 4],
        ["SENT", 1],
      ]);
      expect(ds[0]!.lastError).toBe("HTTP 500");
      const alert = await t.db.prisma.oncallIncident.findFirst({
        where: { kind: "oncall.channelFailing" },
        include: { pages: true },
      });
      // Nobody on the ADMIN roster: every ADMIN at level 0, the manager on duty next.
      expect(alert?.pages.map((p) => [p.userId, p.reason])).toEqual([[admin.id, "NOBODY_ON_DUTY"]]);
      expect(alert?.chain).toEqual([
        { level: 0, role: "ADMIN", userId: admin.id },
        { level: 1, role: "MANAGER", userId: mia.id },
      ]);
      const ch = (await admin$().oncall.channels()).find((c) => c.priority === 0);
      expect([ch?.consecutiveFailures, ch?.lastError]).toEqual([1, "HTTP 500"]);
    } finally {
      await bad.close();
    }
  });

  it("the signed link acknowledges as the paged person; a tampered or expired link does not", async () => {
    await addHook(alice);
    await f.pager.handle(hardFloor("l"));
    await f.pager.tick();
    const ack = new URL((JSON.parse(hook.received[0]!.body) as { ackLink: string }).ackLink);
    const q = Object.fromEntries(ack.searchParams);
    const key = f.services.oncall.ackKey;
    // Tampered: another first character (a fixed "x" left one signature in 64 unchanged).
    const tampered = `${q.s!.startsWith("x") ? "y" : "x"}${q.s!.slice(1)}`;
    await expect(acknowledgeByLink(t.db.prisma, key, { ...q, s: tampered }, T, T)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(acknowledgeByLink(t.db.prisma, key, q, T + 25 * 3_600_000, T)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await acknowledgeByLink(t.db.prisma, key, q, T + 60_000, T + 60_000);
    const [inc] = await incidents();
    expect([inc!.status, inc!.acknowledgedById, inc!.acknowledgedVia]).toEqual(["ACKNOWLEDGED", alice.id, "LINK"]);
    await expect(acknowledgeByLink(t.db.prisma, key, q, T + 61_000, T + 61_000)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Already acknowledged by alice@test.local.",
    });
  });

  it("two people acknowledging at once: one wins, the other is told who did", async () => {
    await f.pager.handle(hardFloor("race"));
    const [inc] = await incidents();
    const results = await Promise.allSettled([
      callerFor(t.db, alice, { services: f.services }).oncall.acknowledge({ id: inc!.id }),
      callerFor(t.db, bob, { services: f.services }).oncall.acknowledge({ id: inc!.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "oncall.acknowledged" } })).toBe(1);
  });

  it("the same event from two instances at once opens one incident (the open key is unique)", async () => {
    const g = createPager(t.db, T);
    await Promise.all([f.pager.handle(hardFloor("dup")), g.pager.handle(hardFloor("dup"))]);
    const all = await incidents();
    expect(all).toHaveLength(1);
    expect(all[0]!.occurrences).toBe(2);
    expect(all[0]!.pages).toHaveLength(1);
  });

  it("policies: ADMIN proposes, a MANAGER approves with a step-up; the proposer cannot; the new version is in force", async () => {
    const policy = { ...DEFAULT_POLICY, quietHours: null };
    const { version } = await admin$().oncall.proposePolicy({ policy, reason: "no quiet hours over the holiday" });
    await expect(admin$().oncall.decidePolicy({ version, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = callerFor(t.db, mia, { services: f.services });
    // No step-up in this session yet.
    await expect(manager.oncall.decidePolicy({ version, approve: true })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await markStepUp(t.db, mia);
    await manager.oncall.decidePolicy({ version, approve: true, note: "ok" });
    const p = await manager.oncall.policies();
    expect(p.inForce.version).toBe(version);
    expect(p.inForce.policy.quietHours).toBeNull();
    // Now a warning at 03:00 goes out (no quiet hours).
    await addHook(alice);
    await f.pager.handle({ ...hardFloor("w"), kind: "feed.failover", severity: "WARNING", key: "feed:failover" });
    await f.pager.tick();
    expect(hook.received).toHaveLength(1);
  });

  it("channel secrets are sealed at rest; hostile input is refused with a clear message", async () => {
    const { id } = await addHook(alice);
    const raw = await t.db.prisma.oncallChannel.findUniqueOrThrow({ where: { id } });
    expect(raw.targetSealed).not.toContain("127.0.0.1");
    expect(raw.secretSealed).not.toContain(SECRET);
    expect(JSON.stringify(await admin$().oncall.channels())).not.toContain(SECRET);
    const a = admin$();
    const base = { userId: alice.id, kind: "WEBHOOK" as const, label: "x", target: hook.url, secret: "s", priority: 0 };
    await expect(a.oncall.addChannel({ ...base, label: "a\u0000b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.oncall.addChannel({ ...base, target: "file:///etc/passwd" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(a.oncall.addChannel({ ...base, secret: undefined })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.oncall.addChannel({ ...base, target: "x".repeat(2001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      a.oncall.addChannel(JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`) as typeof base),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      a.oncall.addShift({ role: "RISK", userId: mia.id, position: 1, day: "2026-12-04", kind: "DAY" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      a.oncall.addShift({ role: "RISK", userId: bob.id, position: 1, day: "2026-12-03", kind: "NIGHT" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(t.db, alice, { services: f.services }).oncall.addChannel(base)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
