// Four eyes on access and API-token scopes, on PGlite and PostgreSQL: privileged user creation,
// role changes, re-enabling and TOTP resets wait for a second ADMIN with a step-up in their own
// session; tokens are their owner's, read-only by default, never approve or act on access, and
// every audit event of a token call names the token; refusals are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBearerToken } from "@/server/auth/api-tokens";
import type { SessionUser } from "@/server/auth/sign-in";
import { generateTotpCode } from "@/server/auth/totp";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const PASSWORD = "long enough password";

describe.each(BACKENDS)("four eyes on access on %s", (kind) => {
  let t: TestDatabase;
  let maker: TestUser;
  let checker: TestUser;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    maker = await createUser(t.db, "ADMIN");
    checker = await createUser(t.db, "ADMIN");
  });
  afterAll(async () => t.drop());

  it("a MANAGER is created only when a second ADMIN approves with a step-up; the maker cannot approve", async () => {
    const res = await callerFor(t.db, maker).admin.createUser({
      email: "m1@test.local",
      name: "M One",
      role: "MANAGER",
      password: PASSWORD,
    });
    expect(res).toMatchObject({ status: "PROPOSED", user: null });
    expect(await t.db.prisma.user.findUnique({ where: { email: "m1@test.local" } })).toBeNull();
    const id = res.proposalId ?? "";
    // The maker, even stepped up, cannot approve their own proposal.
    await markStepUp(t.db, maker);
    await expect(callerFor(t.db, maker).admin.decideAccessProposal({ id, approve: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // The checker without a step-up in this session is asked for a code; a wrong code is refused.
    await expect(callerFor(t.db, checker).admin.decideAccessProposal({ id, approve: true })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await t.db.prisma.user.findUnique({ where: { email: "m1@test.local" } })).toBeNull();
    const code = generateTotpCode(checker.totpSecret ?? "", Date.now());
    expect(
      await callerFor(t.db, checker).admin.decideAccessProposal({ id, approve: true, totpCode: code }),
    ).toMatchObject({ status: "APPROVED" });
    const created = await t.db.prisma.user.findUniqueOrThrow({ where: { email: "m1@test.local" } });
    expect(created.role).toBe("MANAGER");
    const actions = (
      await t.db.prisma.auditEvent.findMany({
        where: { OR: [{ targetId: id }, { targetId: created.id }] },
        orderBy: { id: "asc" },
      })
    ).map((e) => [e.action, e.actorEmail]);
    expect(actions).toEqual([
      ["access.proposed", maker.email],
      ["access.approved", checker.email],
      ["user.created", checker.email],
    ]);
    // The proposal's password hash never reaches the audit trail or the list.
    const proposed = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "access.proposed", targetId: id },
    });
    expect(JSON.stringify(proposed.after)).not.toContain("scrypt$");
    expect(JSON.stringify(await callerFor(t.db, checker).admin.accessProposals({ pendingOnly: false }))).not.toContain(
      "scrypt$",
    );
  });

  it("RISK, COMPLIANCE and AUDITOR users are created at once", async () => {
    const res = await callerFor(t.db, maker).admin.createUser({
      email: "r1@test.local",
      name: "R One",
      role: "RISK",
      password: PASSWORD,
    });
    expect(res.status).toBe("CREATED");
    expect(await t.db.prisma.user.findUnique({ where: { email: "r1@test.local" } })).not.toBeNull();
  });

  it("a role change is a proposal; approving it changes the role and ends the user's sessions", async () => {
    const u = await createUser(t.db, "RISK");
    const p = await callerFor(t.db, maker).admin.proposeRoleChange({ userId: u.id, role: "COMPLIANCE" });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe("RISK");
    // A second pending proposal of the same kind for the same user is refused.
    await expect(
      callerFor(t.db, maker).admin.proposeRoleChange({ userId: u.id, role: "AUDITOR" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await markStepUp(t.db, checker);
    await callerFor(t.db, checker).admin.decideAccessProposal({ id: p.id, approve: true });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe("COMPLIANCE");
    expect((await t.db.prisma.authSession.findUniqueOrThrow({ where: { id: u.sessionId ?? "" } })).revokedReason).toBe(
      "roleChanged",
    );
  });

  it("re-enabling a disabled user is a proposal; disabling is immediate; a rejection changes nothing", async () => {
    const u = await createUser(t.db, "COMPLIANCE");
    await callerFor(t.db, maker).admin.setUserLock({ userId: u.id, disabled: true });
    const res = await callerFor(t.db, maker).admin.setUserLock({ userId: u.id, disabled: false });
    expect(res.proposalId).toEqual(expect.any(String));
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).disabled).toBe(true);
    await markStepUp(t.db, checker);
    await callerFor(t.db, checker).admin.decideAccessProposal({
      id: res.proposalId ?? "",
      approve: false,
      note: "not yet",
    });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).disabled).toBe(true);
    const again = await callerFor(t.db, maker).admin.setUserLock({ userId: u.id, disabled: false });
    await callerFor(t.db, checker).admin.decideAccessProposal({ id: again.proposalId ?? "", approve: true });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).disabled).toBe(false);
  });

  it("a TOTP reset waits for approval, then clears the enrollment and ends sessions", async () => {
    const m = await createUser(t.db, "MANAGER");
    const p = await callerFor(t.db, maker).admin.proposeTotpReset({ userId: m.id });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: m.id } })).totpEnrolledAt).not.toBeNull();
    await markStepUp(t.db, checker);
    await callerFor(t.db, checker).admin.decideAccessProposal({ id: p.id, approve: true });
    const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.totpEnrolledAt).toBeNull();
    expect(after.totpSecret).toBeNull();
    expect((await t.db.prisma.authSession.findUniqueOrThrow({ where: { id: m.sessionId ?? "" } })).revokedReason).toBe(
      "totpReset",
    );
  });

  it("two admins approving at the same moment: the change applies once", async () => {
    const third = await createUser(t.db, "ADMIN");
    const u = await createUser(t.db, "AUDITOR");
    const p = await callerFor(t.db, maker).admin.proposeRoleChange({ userId: u.id, role: "RISK" });
    await markStepUp(t.db, checker);
    await markStepUp(t.db, third);
    const results = await Promise.allSettled(
      [checker, third].map((a) => callerFor(t.db, a).admin.decideAccessProposal({ id: p.id, approve: true })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "user.roleChanged", targetId: u.id } })).toBe(1);
  });
});

describe.each(BACKENDS)("API tokens on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t.drop());

  async function tokenUserFor(owner: TestUser, scopes: ("read" | "write")[] | undefined): Promise<SessionUser> {
    const created = await callerFor(t.db, owner).auth.createApiToken({
      name: `t-${scopes?.join("-") ?? "default"}`,
      ...(scopes ? { scopes } : {}),
    });
    const resolved = await resolveBearerToken(t.db.prisma, created.token);
    if (!resolved) throw new Error("token did not resolve");
    return resolved;
  }

  it("is created by its owner for themselves, read-only by default", async () => {
    const r = await createUser(t.db, "RISK");
    const created = await callerFor(t.db, r).auth.createApiToken({ name: "reports" });
    expect(created.scopes).toEqual(["read"]);
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.userId).toBe(r.id);
    // The old admin path that minted tokens for other users is gone.
    expect("createApiToken" in callerFor(t.db, r).admin).toBe(false);
  });

  it("a read token reads but cannot write; the refusal is audited once per minute and names the token", async () => {
    const r = await createUser(t.db, "RISK");
    const tok = await tokenUserFor(r, undefined);
    const c = callerFor(t.db, tok);
    await expect(c.auth.me()).resolves.toMatchObject({ id: r.id });
    const propose = () => c.risk.proposeParams({ params: DEFAULT_RISK_PARAMS, reason: "token test" });
    await expect(propose()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/read-only/) });
    await expect(propose()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await t.db.prisma.auditEvent.findMany({ where: { action: "access.denied", actorId: r.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]?.targetId).toBe("riskParams.propose");
    expect(denied[0]?.after).toMatchObject({ viaApiToken: { id: tok.token?.id } });
  });

  it("a write token's audit events name the token", async () => {
    const r = await createUser(t.db, "RISK");
    const tok = await tokenUserFor(r, ["write"]);
    await callerFor(t.db, tok).risk.proposeParams({
      params: { ...DEFAULT_RISK_PARAMS, imMultiplier: 1.6 },
      reason: "from the nightly job",
    });
    const e = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "riskParams.proposed" },
      orderBy: { id: "desc" },
    });
    expect(e.actorId).toBe(r.id);
    expect(e.after).toMatchObject({ viaApiToken: { id: tok.token?.id, name: "t-write" } });
  });

  it("no token, whatever its scopes, approves money or parameters, freezes, steps up or acts on access", async () => {
    const m = await createUser(t.db, "MANAGER");
    await markStepUp(t.db, m); // the owner's own session is fresh: the token still gets nothing
    const mt = callerFor(t.db, await tokenUserFor(m, ["read", "write"]));
    await expect(mt.payments.approve({ id: "w1", idempotencyKey: "k".repeat(16) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(mt.risk.decideParams({ version: 2, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mt.auth.stepUp({ code: generateTotpCode(m.totpSecret ?? "", Date.now()) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(mt.auth.createApiToken({ name: "child" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const c = await createUser(t.db, "COMPLIANCE");
    const ct = callerFor(t.db, await tokenUserFor(c, ["write"]));
    await expect(ct.payments.freeze({ id: "w1", reason: "suspicious pattern" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const a = await createUser(t.db, "ADMIN");
    const at = callerFor(t.db, await tokenUserFor(a, ["write"]));
    await expect(
      at.admin.createUser({ email: "x@test.local", name: "X", role: "RISK", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(at.admin.decideAccessProposal({ id: "p1", approve: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a wrong role is refused and audited (aggregated per actor, permission and minute)", async () => {
    const au = await createUser(t.db, "AUDITOR");
    const c = callerFor(t.db, au);
    for (let i = 0; i < 3; i++)
      await expect(c.admin.setUserLock({ userId: "x", unlock: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await t.db.prisma.auditEvent.findMany({ where: { action: "access.denied", actorId: au.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      targetId: "users.manage",
      after: expect.objectContaining({ path: "admin.setUserLock", role: "AUDITOR" }),
    });
  });
});
