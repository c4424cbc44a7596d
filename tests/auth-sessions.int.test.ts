// Sessions, session-bound step-up, atomic counters and throttling, on PGlite and PostgreSQL:
// revocation ends requests and open streams, a step-up authorizes only its own session, five wrong
// codes lock step-up, one TOTP code gives one session however many sign-ins race, concurrent wrong
// passwords stop at the lock, and sign-in is throttled per IP and per account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { setHashCostForTests } from "@/server/auth/password";
import { resolveSessionUser } from "@/server/auth/session-user";
import { revokeSession } from "@/server/auth/sessions";
import { createSignInThrottle, ThrottledError } from "@/server/auth/sign-in-throttle";
import { MAX_FAILED_SIGN_INS, SignInError, signInWithCredentials } from "@/server/auth/sign-in";
import { MAX_STEP_UP_FAILURES } from "@/server/auth/step-up";
import { generateTotpCode } from "@/server/auth/totp";
import { createInProcessBus } from "@/server/engine/event-bus";
import { MINUTE_TOPIC } from "@/server/engine/market-engine";
import { callerFor, contextFor, createUser, markStepUp, openAnotherSession, TEST_PASSWORD } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof SignInError) return err.code;
    return (err as { code?: string }).code ?? String(err);
  }
}

/** A code of this secret that is wrong now and in the neighbouring steps. */
function wrongCode(secret: string, nowMs: number): string {
  const window = [-1, 0, 1].map((d) => generateTotpCode(secret, nowMs + d * 30_000));
  return ["000000", "111111", "222222", "333333"].find((c) => !window.includes(c)) ?? "444444";
}

describe.each(BACKENDS)("sessions and step-up on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t.drop());

  it("sign-in opens a server-side session; revoking it refuses the session at once", async () => {
    const u = await createUser(t.db, "RISK", { session: false });
    const signedIn = await signInWithCredentials(t.db.prisma, {
      email: u.email,
      password: TEST_PASSWORD,
      ip: "10.0.0.1",
    });
    expect(signedIn.sessionId).toEqual(expect.any(String));
    const sid = signedIn.sessionId ?? "";
    expect(await resolveSessionUser(t.db.prisma, u.id, sid)).toMatchObject({ id: u.id, sessionId: sid });
    expect(await revokeSession(t.db.prisma, sid, "signOut")).toBe(true);
    expect(await resolveSessionUser(t.db.prisma, u.id, sid)).toBeNull();
    // A session id is bound to its user.
    const other = await createUser(t.db, "RISK");
    expect(await resolveSessionUser(t.db.prisma, u.id, other.sessionId ?? "")).toBeNull();
  });

  it("sign out everywhere and disabling a user end every session", async () => {
    const u = await createUser(t.db, "COMPLIANCE");
    const second = await openAnotherSession(t.db, u);
    const { ended } = await callerFor(t.db, u).auth.signOutEverywhere();
    expect(ended).toBe(2);
    expect(await resolveSessionUser(t.db.prisma, u.id, u.sessionId ?? "")).toBeNull();
    expect(await resolveSessionUser(t.db.prisma, u.id, second.sessionId ?? "")).toBeNull();

    const admin = await createUser(t.db, "ADMIN");
    const v = await createUser(t.db, "RISK");
    await callerFor(t.db, admin).admin.setUserLock({ userId: v.id, disabled: true });
    const row = await t.db.prisma.authSession.findUniqueOrThrow({ where: { id: v.sessionId ?? "" } });
    expect(row.revokedReason).toBe("disabled");
  });

  it("an open stream ends with UNAUTHORIZED once its session is revoked, and runs while it is not", async () => {
    const u = await createUser(t.db, "RISK");
    const bus = createInProcessBus();
    const caller = createCaller({ ...contextFor(t.db, u, { bus }), sessionRecheckMs: 20 });
    const stream = (await caller.market.onMinute()) as AsyncIterable<unknown>;
    const it = stream[Symbol.asyncIterator]();
    const first = it.next();
    bus.publish(MINUTE_TOPIC, { minuteTs: 0, bars: 1, tickMs: 1 });
    expect((await first).done).toBe(false);
    const second = it.next();
    await revokeSession(t.db.prisma, u.sessionId ?? "", "signOut");
    await expect(second).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a step-up made in session A does not authorize session B of the same user", async () => {
    const m = await createUser(t.db, "MANAGER");
    const b = await openAnotherSession(t.db, m);
    await callerFor(t.db, m).auth.stepUp({ code: generateTotpCode(m.totpSecret ?? "", Date.now()) });
    const a = await t.db.prisma.authSession.findUniqueOrThrow({ where: { id: m.sessionId ?? "" } });
    const other = await t.db.prisma.authSession.findUniqueOrThrow({ where: { id: b.sessionId ?? "" } });
    expect(a.stepUpAt).not.toBeNull();
    expect(other.stepUpAt).toBeNull();
    // Session B is asked for its own code; an admin approval path shows the same rule.
    const admin = await createUser(t.db, "ADMIN");
    const admin2 = await createUser(t.db, "ADMIN");
    const p = await callerFor(t.db, admin).admin.proposeTotpReset({ userId: m.id });
    await callerFor(t.db, admin2).auth.stepUp({ code: generateTotpCode(admin2.totpSecret ?? "", Date.now()) });
    const admin2b = await openAnotherSession(t.db, admin2);
    await expect(
      callerFor(t.db, admin2b).admin.decideAccessProposal({ id: p.id, approve: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The same proposal through the session that stepped up goes through.
    expect((await callerFor(t.db, admin2).admin.decideAccessProposal({ id: p.id, approve: true })).status).toBe(
      "APPROVED",
    );
  });

  it(`${MAX_STEP_UP_FAILURES} wrong codes lock step-up (also for the right code) and alert ADMIN; exact under concurrency`, async () => {
    const m = await createUser(t.db, "MANAGER");
    const now = Date.now();
    const bad = wrongCode(m.totpSecret ?? "", now);
    const caller = callerFor(t.db, m);
    // Ten wrong codes at once: exactly five are checked, the rest are refused as locked.
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(caller.auth.stepUp({ code: bad }))));
    expect(results.filter((r) => r === "BAD_REQUEST")).toHaveLength(MAX_STEP_UP_FAILURES - 1);
    expect(results.filter((r) => r === "TOO_MANY_REQUESTS")).toHaveLength(10 - MAX_STEP_UP_FAILURES + 1);
    const failed = await t.db.prisma.auditEvent.count({ where: { action: "auth.stepUpFailed", targetId: m.id } });
    expect(failed).toBe(MAX_STEP_UP_FAILURES);
    expect(await outcome(caller.auth.stepUp({ code: generateTotpCode(m.totpSecret ?? "", now) }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: m.id } });
    expect(user.stepUpLockedUntil?.getTime()).toBeGreaterThan(now + 14 * 60_000);
    const alerts = await callerFor(t.db, await createUser(t.db, "ADMIN")).admin.securityAlerts();
    expect(alerts.filter((a) => a.userId === m.id && a.kind === "stepUpLocked")).toHaveLength(1);
  });

  it("one TOTP code accepted once: concurrent step-ups in two sessions give one step-up", async () => {
    const m = await createUser(t.db, "MANAGER");
    const b = await openAnotherSession(t.db, m);
    const code = generateTotpCode(m.totpSecret ?? "", Date.now());
    const results = await Promise.all([m, b, m, b].map((s) => outcome(callerFor(t.db, s).auth.stepUp({ code }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
  });

  it("an approval through another session of a stepped-up manager needs its own code", async () => {
    const m = await createUser(t.db, "MANAGER");
    await markStepUp(t.db, m);
    const b = await openAnotherSession(t.db, m);
    // The money path's check (requireStepUp) sees session B, not the user.
    const { requireStepUp } = await import("@/server/auth/step-up");
    await expect(requireStepUp(t.db.prisma, b, undefined)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(requireStepUp(t.db.prisma, m, undefined)).resolves.toBeUndefined();
    await expect(
      requireStepUp(
        t.db.prisma,
        { ...m, sessionId: null, token: { id: "tok", name: "ci", scopes: ["read", "write"] } },
        undefined,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe.each(BACKENDS)("sign-in counters and throttling on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t.drop());
  const roomy = () => createSignInThrottle({ perIp: 1000, perAccount: 1000, windowS: 900 });

  it("six concurrent sign-ins with one TOTP code give exactly one session", async () => {
    const m = await createUser(t.db, "MANAGER", { session: false });
    const now = Date.now();
    const code = generateTotpCode(m.totpSecret ?? "", now);
    const throttle = roomy();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        outcome(
          signInWithCredentials(t.db.prisma, { email: m.email, password: TEST_PASSWORD, totp: code }, now, {
            throttle,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(await t.db.prisma.authSession.count({ where: { userId: m.id } })).toBe(1);
    const signIns = await t.db.prisma.auditEvent.count({ where: { action: "auth.signIn", targetId: m.id } });
    expect(signIns).toBe(1);
  });

  it(`ten concurrent wrong passwords: exactly ${MAX_FAILED_SIGN_INS} are checked, then the account is locked`, async () => {
    const u = await createUser(t.db, "RISK", { session: false });
    const throttle = roomy();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        outcome(
          signInWithCredentials(t.db.prisma, { email: u.email, password: "wrong password" }, Date.now(), { throttle }),
        ),
      ),
    );
    expect(new Set(results)).toEqual(new Set(["invalid_credentials"]));
    const reasons = (
      await t.db.prisma.auditEvent.findMany({ where: { action: "auth.signInFailed", targetId: u.id } })
    ).map((e) => (e.after as { reason: string }).reason);
    expect(reasons.filter((r) => r === "wrongPassword")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(10 - MAX_FAILED_SIGN_INS);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
    expect(
      await outcome(
        signInWithCredentials(t.db.prisma, { email: u.email, password: TEST_PASSWORD }, Date.now(), { throttle }),
      ),
    ).toBe("invalid_credentials");
  });

  it("throttles per IP and per account with a retry time, audited once per window", async () => {
    const u = await createUser(t.db, "RISK", { session: false });
    const throttle = createSignInThrottle({ perIp: 3, perAccount: 2, windowS: 900 }, { prisma: t.db.prisma });
    const at = (email: string, ip: string) =>
      outcome(signInWithCredentials(t.db.prisma, { email, password: "wrong password", ip }, Date.now(), { throttle }));
    expect(await at(u.email, "10.1.1.1")).toBe("invalid_credentials");
    expect(await at(u.email, "10.1.1.2")).toBe("invalid_credentials");
    // Third attempt on the account, from a fresh IP: over the account's limit of 2.
    const err = await signInWithCredentials(
      t.db.prisma,
      { email: u.email, password: TEST_PASSWORD, ip: "10.1.1.3" },
      Date.now(),
      { throttle },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect((err as SignInError).code).toBe("rate_limited");
    expect((err as SignInError).retryAfterS).toBeGreaterThan(890);
    expect((err as SignInError).retryAfterS).toBeLessThanOrEqual(900);
    expect(await at(u.email, "10.1.1.4")).toBe("rate_limited");
    // Per IP: three attempts on three unknown accounts, the fourth is throttled.
    for (const n of [1, 2, 3]) expect(await at(`nobody${n}@test.local`, "10.9.9.9")).toBe("invalid_credentials");
    expect(await at("nobody4@test.local", "10.9.9.9")).toBe("rate_limited");
    // The HTTP route asks without counting (429 with Retry-After before next-auth runs).
    expect(await throttle.peek("10.9.9.9", "someone@test.local")).toBeGreaterThan(890);
    expect(await throttle.peek("10.0.0.77", "free@test.local")).toBeNull();
    const throttled = await t.db.prisma.auditEvent.findMany({ where: { action: "auth.signInThrottled" } });
    expect(throttled.map((e) => (e.after as { scope: string }).scope).sort()).toEqual(["account", "ip"]);
  });

  it("two web instances on one database share the counters, and concurrent attempts are counted exactly", async () => {
    const limits = { perIp: 1000, perAccount: 7, windowS: 900 };
    // Two throttles over one database stand for two web instances behind a load balancer.
    const a = createSignInThrottle(limits, { prisma: t.db.prisma });
    const b = createSignInThrottle(limits, { prisma: t.db.prisma });
    const email = "shared.counter@test.local";
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).consume(`10.2.0.${i}`, email)),
    );
    // 7 allowed in all, whichever instance took them; the 5 others refused with a retry time.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(7);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(5);
    for (const err of refused) expect(err).toBeInstanceOf(ThrottledError);
    expect(await b.peek(null, email)).toBeGreaterThan(890);
    // A success on instance a clears the account for instance b too.
    await a.clearAccount(email);
    expect(await b.peek(null, email)).toBeNull();
    const row = await t.db.prisma.rateLimit.findUnique({ where: { key: `signin_ip:10.2.0.0` } });
    expect(row?.points).toBe(1);
  });

  it("an email over 254 characters is refused like a wrong password, without a lookup", async () => {
    const long = `${"a".repeat(250)}@test.local`;
    expect(
      await outcome(
        signInWithCredentials(t.db.prisma, { email: long, password: TEST_PASSWORD }, Date.now(), { throttle: roomy() }),
      ),
    ).toBe("invalid_credentials");
    const e = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.signInFailed" },
      orderBy: { id: "desc" },
    });
    expect(e.after).toMatchObject({ reason: "tooLong" });
    expect(e.actorEmail?.length).toBe(254);
  });

  it("rehashes a password stored at a lower cost on the next successful sign-in", async () => {
    const u = await createUser(t.db, "RISK", { session: false }); // stored at the fixtures' cost 2^12
    const before = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    expect(before.startsWith("scrypt$4096$")).toBe(true);
    setHashCostForTests(2 ** 13);
    try {
      await signInWithCredentials(t.db.prisma, { email: u.email, password: TEST_PASSWORD }, Date.now(), {
        throttle: roomy(),
      });
    } finally {
      setHashCostForTests(2 ** 12);
    }
    const after = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    expect(after.startsWith("scrypt$8192$8$1$")).toBe(true);
    const e = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.signIn", targetId: u.id } });
    expect(e.after).toMatchObject({ passwordRehashed: true });
    // The new hash still verifies at the restored cost (it is stronger, not weaker).
    expect(
      await outcome(
        signInWithCredentials(t.db.prisma, { email: u.email, password: TEST_PASSWORD }, Date.now(), {
          throttle: roomy(),
        }),
      ),
    ).toBe("ok");
  });
});
