// Sign-in, lockout, TOTP enrollment and step-up against a real database; every outcome audited.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, SignInError, signInWithCredentials } from "@/server/auth/sign-in";
import { generateTotpCode } from "@/server/auth/totp";
import { callerFor, createUser, TEST_PASSWORD } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

async function signInError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "signed-in";
  } catch (err) {
    if (err instanceof SignInError) return err.code;
    throw err;
  }
}

describe.each(BACKENDS)("sign-in on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  it("signs in a RISK user with the right password and audits it", async () => {
    const u = await createUser(t.db, "RISK");
    const session = await signInWithCredentials(t.db.prisma, { email: u.email.toUpperCase(), password: TEST_PASSWORD });
    expect(session).toMatchObject({ id: u.id, role: "RISK", totpPending: false });
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: "auth.signIn" } });
    expect(events.map((e) => e.actorEmail)).toEqual([u.email]);
  });

  it("refuses a wrong password and an unknown user with the same message, audited, without revealing which", async () => {
    const u = await createUser(t.db, "RISK");
    expect(await signInError(signInWithCredentials(t.db.prisma, { email: u.email, password: "wrong password" }))).toBe(
      "invalid_credentials",
    );
    expect(await signInError(signInWithCredentials(t.db.prisma, { email: "nobody@test.local", password: "x" }))).toBe(
      "invalid_credentials",
    );
    const failed = await t.db.prisma.auditEvent.findMany({
      where: { action: "auth.signInFailed" },
      orderBy: { id: "asc" },
    });
    expect(failed.map((e) => e.actorEmail)).toEqual([u.email, "nobody@test.local"]);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(1);
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures, even for the right password, until the lock expires`, async () => {
    const u = await createUser(t.db, "RISK");
    const now = Date.UTC(2026, 10, 24, 2, 0, 0);
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      codes.push(await signInError(signInWithCredentials(t.db.prisma, { email: u.email, password: "bad" }, now)));
    }
    // One message for wrong password and locked account: the form does not reveal the lock.
    expect(codes).toEqual(Array<string>(MAX_FAILED_SIGN_INS).fill("invalid_credentials"));
    expect(
      await signInError(signInWithCredentials(t.db.prisma, { email: u.email, password: TEST_PASSWORD }, now + 1000)),
    ).toBe("invalid_credentials");
    const reasons = (
      await t.db.prisma.auditEvent.findMany({ where: { action: "auth.signInFailed" }, orderBy: { id: "asc" } })
    ).map((e) => (e.after as { reason: string }).reason);
    expect(reasons).toEqual([...Array<string>(MAX_FAILED_SIGN_INS).fill("wrongPassword"), "locked"]);
    const later = await signInWithCredentials(
      t.db.prisma,
      { email: u.email, password: TEST_PASSWORD },
      now + LOCKOUT_MS + 1,
    );
    expect(later.id).toBe(u.id);
  });

  it("requires TOTP for a MANAGER, accepts a current code once, refuses its replay", async () => {
    const m = await createUser(t.db, "MANAGER");
    const secret = m.totpSecret ?? "";
    const now = Date.now();
    expect(
      await signInError(signInWithCredentials(t.db.prisma, { email: m.email, password: TEST_PASSWORD }, now)),
    ).toBe("totp_required");
    expect(
      await signInError(
        signInWithCredentials(t.db.prisma, { email: m.email, password: TEST_PASSWORD, totp: "000000" }, now),
      ),
    ).toMatch(/totp_invalid|signed-in/);
    const code = generateTotpCode(secret, now);
    const ok = await signInWithCredentials(t.db.prisma, { email: m.email, password: TEST_PASSWORD, totp: code }, now);
    expect(ok.role).toBe("MANAGER");
    expect(
      await signInError(
        signInWithCredentials(t.db.prisma, { email: m.email, password: TEST_PASSWORD, totp: code }, now),
      ),
    ).toBe("totp_invalid");
    // Sign-in with TOTP counts as a step-up.
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: m.id } })).lastStepUpAt?.getTime()).toBe(now);
  });

  it("enrolls TOTP for a new ADMIN: pending until confirmed with a valid code", async () => {
    const a = await createUser(t.db, "ADMIN", { totp: false });
    const session = await signInWithCredentials(t.db.prisma, { email: a.email, password: TEST_PASSWORD });
    expect(session.totpPending).toBe(true);
    const caller = callerFor(t.db, session);
    await expect(caller.admin.users()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { secret, uri } = await caller.auth.beginTotpEnrollment();
    expect(uri).toContain(encodeURIComponent(a.email));
    await expect(caller.auth.confirmTotpEnrollment({ code: "12345" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const wrong = generateTotpCode(secret, Date.now() - 10 * 60_000);
    await expect(caller.auth.confirmTotpEnrollment({ code: wrong })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: a.id } })).totpEnrolledAt).toBeNull();
    await caller.auth.confirmTotpEnrollment({ code: generateTotpCode(secret, Date.now()) });
    const after = await signInWithCredentials(t.db.prisma, {
      email: a.email,
      password: TEST_PASSWORD,
      totp: generateTotpCode(secret, Date.now() + 30_000),
    });
    expect(after.totpPending).toBe(false);
    const actions = (await t.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.totpEnrollmentStarted", "auth.totpEnrolled"]));
  });

  it("step-up records the time of a fresh code and refuses a reused one", async () => {
    const m = await createUser(t.db, "MANAGER");
    const caller = callerFor(t.db, m);
    const code = generateTotpCode(m.totpSecret ?? "", Date.now());
    const { verifiedAt } = await caller.auth.stepUp({ code });
    expect(Math.abs(verifiedAt.getTime() - Date.now())).toBeLessThan(5_000);
    await expect(caller.auth.stepUp({ code })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a disabled user cannot sign in; an admin cannot disable themself", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const u = await createUser(t.db, "RISK");
    const caller = callerFor(t.db, admin);
    await caller.admin.setUserLock({ userId: u.id, disabled: true });
    // The same message as a wrong password; the audit trail keeps the reason.
    expect(await signInError(signInWithCredentials(t.db.prisma, { email: u.email, password: TEST_PASSWORD }))).toBe(
      "invalid_credentials",
    );
    const failed = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.signInFailed" },
      orderBy: { id: "desc" },
    });
    expect(failed.after).toMatchObject({ reason: "disabled" });
    await expect(caller.admin.setUserLock({ userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("creating a user validates input and refuses duplicates without changing anything", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const caller = callerFor(t.db, admin);
    const before = await t.db.prisma.user.count();
    await expect(
      caller.admin.createUser({ email: "not-an-email", name: "x", role: "RISK", password: "long enough password" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/email/i),
    });
    await expect(
      caller.admin.createUser({ email: "a@b.cn", name: "x", role: "RISK", password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.prisma.user.count()).toBe(before);
    await expect(
      caller.admin.createUser({
        email: `${"a".repeat(244)}@test.local`,
        name: "x",
        role: "RISK",
        password: "long enough password",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/254/),
    });
    await caller.admin.createUser({
      email: "New@Test.local",
      name: "New",
      role: "RISK",
      password: "long enough password",
    });
    await expect(
      caller.admin.createUser({
        email: "new@test.local",
        name: "Again",
        role: "COMPLIANCE",
        password: "long enough password",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.prisma.user.count()).toBe(before + 1);
  });
});
