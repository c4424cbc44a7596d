// The execution session setting through tRPC (R7 governance): RISK or ADMIN proposes with a reason,
// a different MANAGER approves with a fresh step-up in the same session; the setting the liquidation
// desk reads (settingExecutionWindow) changes only then; every step is in the audit trail; two managers
// deciding at once give one winner (PostgreSQL); a token and the proposer cannot approve.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readExecutionSession, settingExecutionWindow } from "@/server/liquidation/execution/session-window";
import { callerFor, createUser, markStepUp } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Wednesday 2026-12-02 12:00 Asia/Shanghai (04:00 UTC): the lunch break, outside both A-share sessions.
const LUNCH = Date.UTC(2026, 11, 2, 4, 0);

describe.each(BACKENDS)("liquidation execution session setting on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  it("proposal, four eyes, step-up, audit; the desk's window follows only the approved value", async () => {
    const risk = await createUser(t.db, "RISK");
    const manager = await createUser(t.db, "MANAGER");
    const auditor = await createUser(t.db, "AUDITOR");
    const asRisk = callerFor(t.db, risk);
    const asManager = callerFor(t.db, manager);

    expect(await callerFor(t.db, auditor).liquidation.executionSession()).toMatchObject({
      session: "ALWAYS_OPEN",
      proposal: null,
    });
    await expect(
      asRisk.liquidation.proposeExecutionSession({ session: "ALWAYS_OPEN", reason: "no change" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      asRisk.liquidation.proposeExecutionSession({ session: "A_SHARE", reason: " \u0000 " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(t.db, auditor).liquidation.proposeExecutionSession({ session: "A_SHARE", reason: "read only" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const proposed = await asRisk.liquidation.proposeExecutionSession({
      session: "A_SHARE",
      reason: "live\u0000 market: trade only in exchange hours",
    });
    expect(proposed.session).toBe("ALWAYS_OPEN");
    expect(proposed.proposal).toMatchObject({
      session: "A_SHARE",
      reason: "live  market: trade only in exchange hours",
      proposedByEmail: risk.email,
    });
    // One proposal at a time; the setting has not moved.
    await expect(
      asRisk.liquidation.proposeExecutionSession({ session: "A_SHARE", reason: "again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await readExecutionSession(t.db.prisma)).toBe("ALWAYS_OPEN");
    expect(await settingExecutionWindow(t.db.prisma).isOpen(LUNCH)).toBe(true);

    // No step-up in this session: the manager is asked for the authenticator code, nothing changes.
    await expect(
      asManager.liquidation.decideExecutionSession({ session: "A_SHARE", approve: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The RISK proposer lacks the approve permission; a manager deciding a different value is refused.
    await expect(
      asRisk.liquidation.decideExecutionSession({ session: "A_SHARE", approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await markStepUp(t.db, manager);
    await expect(
      asManager.liquidation.decideExecutionSession({ session: "ALWAYS_OPEN", approve: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Rejecting needs a note.
    await expect(
      asManager.liquidation.decideExecutionSession({ session: "A_SHARE", approve: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const approved = await asManager.liquidation.decideExecutionSession({ session: "A_SHARE", approve: true });
    expect(approved).toMatchObject({ session: "A_SHARE", proposal: null });
    expect(await settingExecutionWindow(t.db.prisma).isOpen(LUNCH)).toBe(false);
    await expect(
      asManager.liquidation.decideExecutionSession({ session: "A_SHARE", approve: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await t.db.prisma.auditEvent.findMany({
      where: { targetId: "liquidation.executionSession" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["liquidation.sessionProposed", risk.email],
      ["liquidation.sessionApproved", manager.email],
    ]);
    expect(audit[1]?.after).toMatchObject({ session: "A_SHARE", proposedBy: risk.email });
  });

  it("only the proposer withdraws; a manager rejects with a note and nothing changes", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const risk = await createUser(t.db, "RISK");
    const manager = await createUser(t.db, "MANAGER");
    await markStepUp(t.db, manager);
    const asAdmin = callerFor(t.db, admin);
    await asAdmin.liquidation.proposeExecutionSession({ session: "A_SHARE", reason: "exchange hours" });
    await expect(callerFor(t.db, risk).liquidation.withdrawExecutionSession()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await asAdmin.liquidation.withdrawExecutionSession()).proposal).toBeNull();

    await callerFor(t.db, risk).liquidation.proposeExecutionSession({ session: "A_SHARE", reason: "exchange hours" });
    const rejected = await callerFor(t.db, manager).liquidation.decideExecutionSession({
      session: "A_SHARE",
      approve: false,
      note: "not before the broker connection is live",
    });
    expect(rejected).toMatchObject({ session: "ALWAYS_OPEN", proposal: null });
    const actions = await t.db.prisma.auditEvent.findMany({
      where: { targetId: "liquidation.executionSession" },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "liquidation.sessionProposed",
      "liquidation.sessionWithdrawn",
      "liquidation.sessionProposed",
      "liquidation.sessionRejected",
    ]);
  });

  // Concurrency means something on PostgreSQL; on PGlite the two calls serialize and the rule still holds.
  it("two managers approving at once: one wins, one audit event", async () => {
    const risk = await createUser(t.db, "RISK");
    const m1 = await createUser(t.db, "MANAGER");
    const m2 = await createUser(t.db, "MANAGER");
    await markStepUp(t.db, m1);
    await markStepUp(t.db, m2);
    await callerFor(t.db, risk).liquidation.proposeExecutionSession({ session: "A_SHARE", reason: "exchange hours" });
    const results = await Promise.allSettled([
      callerFor(t.db, m1).liquidation.decideExecutionSession({ session: "A_SHARE", approve: true }),
      callerFor(t.db, m2).liquidation.decideExecutionSession({ session: "A_SHARE", approve: false, note: "no" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const decided = await t.db.prisma.auditEvent.count({
      where: { action: { in: ["liquidation.sessionApproved", "liquidation.sessionRejected"] } },
    });
    expect(decided).toBe(1);
    expect(await t.db.prisma.setting.count({ where: { key: "liquidation.executionSession.proposal" } })).toBe(0);
  });
});
