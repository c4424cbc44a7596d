// Stress runs against a real database (PGlite and PostgreSQL) with the live-book snapshot and the
// stress worker thread: a run's KPIs on a two-account book (worked by hand below), user scenarios and
// their versions, the caps (400 naming them), permissions, cancel leaving nothing half-written, and a
// run interrupted by a restart reported as failed.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeStressPool } from "@/server/workers/stress-pool";
import { isStressRunActive } from "@/server/stress/stress-runs";
import { callerFor, createUser } from "./helpers/fixtures";
import { seedBook, SYM } from "./helpers/liquidation";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

afterAll(() => closeStressPool());

describe.each(BACKENDS)("stress runs on %s", { timeout: 120_000 }, (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    // L: 1,000 x 10.00, debt 8,900 (ML 0.917); H: debt 5,000 (ML 4.17).
    await seedBook(t.db, [
      { id: "acc-l", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] },
      { id: "acc-h", debt: 5000, positions: [{ symbol: SYM, qty: 1000 }] },
    ]);
  });
  afterEach(async () => t.drop());

  const waitForEnd = async (caller: ReturnType<typeof callerFor>, id: string) => {
    await vi.waitFor(() => expect(isStressRunActive(id)).toBe(false), { timeout: 60_000, interval: 50 });
    return caller.stress.run({ id });
  };

  it("runs the uniform -10% scenario through the planner and reports the KPIs worked by hand", async () => {
    const risk = await createUser(t.db, "RISK");
    const caller = callerFor(t.db, risk);
    const { id } = await caller.stress.startRun({ scenarioId: "syn.uniform" });
    const run = await waitForEnd(caller, id);
    expect([run.status, run.error]).toEqual(["DONE", null]);
    expect(run.progress).toBe(1);
    const k = run.kpis as Record<string, unknown>;
    // At 9.00: L has MV 9,000, E 100, MM 1,080, ML 0.093 (hard floor); H: E 4,000, ML 3.70.
    expect(k.accounts).toBe(2);
    expect(k.breaching).toEqual({ warning: 1, liquidation: 1, hardFloor: 1 });
    // Restoring ML 1.5 needs x >= 945 shares: whole lots -> all 1,000, at 9.00 with no volatility on
    // record (no slippage), in one minute (the cap is 25% of 1e9 / 240 / 9 = 462,962 shares).
    expect(k.tickets).toBe(1);
    expect(k.liquidationNotional).toBeCloseTo(9000, 6);
    expect(k.slippageMeanBps).toBe(0);
    expect(k.minutesToLiquidateMax).toBe(1);
    // Net 9,000 - 9.59 fees = 8,990.41 > debt 8,900: nothing lost.
    expect(k.shortfall).toBe(0);
    expect(k.recoveryRate).toBe(1);
    expect(run.paramVersion).toBe(1);
    expect(run.bookDigest).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["stress.run.start", "stress.run.finish"]);
    // The book itself is untouched: a stress run writes no position.
    const pos = await t.db.prisma.position.findMany({ where: { accountId: "acc-l" } });
    expect(pos.map((p) => p.qty)).toEqual([1000]);
  });

  it("a cancelled run ends CANCELLED with no KPIs, even when the worker was about to finish", async () => {
    const risk = await createUser(t.db, "RISK");
    const caller = callerFor(t.db, risk);
    const { id } = await caller.stress.startRun({ scenarioId: "mc.garch-t", paths: 1000, seed: 7 });
    await caller.stress.cancelRun({ id });
    const run = await waitForEnd(caller, id);
    expect(run.status).toBe("CANCELLED");
    const row = await t.db.prisma.stressRun.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.kpis, row.series]).toEqual(["CANCELLED", null, null]);
    await expect(caller.stress.cancelRun({ id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("Monte Carlo with the same seed gives the same KPIs", async () => {
    const caller = callerFor(t.db, await createUser(t.db, "MANAGER"));
    const a = await caller.stress.startRun({ scenarioId: "mc.garch-t", paths: 20, seed: 99 });
    const ra = await waitForEnd(caller, a.id);
    const b = await caller.stress.startRun({ scenarioId: "mc.garch-t", paths: 20, seed: 99 });
    const rb = await waitForEnd(caller, b.id);
    expect(ra.status).toBe("DONE");
    expect(rb.kpis).toEqual(ra.kpis);
    expect((rb.series as { mc: unknown }).mc).toEqual((ra.series as { mc: unknown }).mc);
  });

  it("refuses work over the caps with a 400 that names the cap, and unknown scenarios with 404", async () => {
    const caller = callerFor(t.db, await createUser(t.db, "RISK"));
    await expect(caller.stress.startRun({ scenarioId: "mc.garch-t", paths: 1001 })).rejects.toThrow(
      /1,000 Monte Carlo paths/,
    );
    await expect(caller.stress.startRun({ scenarioId: "mc.garch-t", steps: 21 })).rejects.toThrow(/20 days/);
    await expect(caller.stress.startRun({ scenarioId: "hist.china-2015", paths: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.stress.startRun({ scenarioId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.stress.startRun({ scenarioId: "__proto__" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.prisma.stressRun.count()).toBe(0);
  });

  it("lets RISK and MANAGER run, everyone else with stress.view read, and refuses ADMIN", async () => {
    const auditor = callerFor(t.db, await createUser(t.db, "AUDITOR"));
    const compliance = callerFor(t.db, await createUser(t.db, "COMPLIANCE"));
    const admin = callerFor(t.db, await createUser(t.db, "ADMIN"));
    await expect(auditor.stress.startRun({ scenarioId: "syn.uniform" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(compliance.stress.startRun({ scenarioId: "syn.uniform" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(admin.stress.scenarios()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const list = await auditor.stress.scenarios();
    expect(list.map((s) => s.id)).toEqual(
      expect.arrayContaining(["hist.china-2015", "hist.black-monday-1987", "hist.reopening-2001-09-17", "mc.garch-t"]),
    );
  });

  it("versions a user's scenario: an edit adds a version, only the owner edits, runs use the version", async () => {
    const risk = await createUser(t.db, "RISK");
    const other = await createUser(t.db, "MANAGER");
    const caller = callerFor(t.db, risk);
    const v1 = await caller.stress.createScenario({
      name: "Banks -15%",
      description: "",
      definition: { template: "SECTOR", sector: "Banks", shock: -0.15, othersShock: 0 },
    });
    await expect(
      caller.stress.createScenario({
        name: "x",
        definition: { template: "SECTOR", sector: "无", shock: -0.1, othersShock: 0 },
      }),
    ).rejects.toThrow(/unknown sector/);
    const v2 = await caller.stress.updateScenario({
      seriesId: v1.seriesId,
      name: "Banks -20%",
      definition: { template: "SECTOR", sector: "Banks", shock: -0.2, othersShock: 0 },
    });
    expect(v2.version).toBe(2);
    await expect(
      callerFor(t.db, other).stress.updateScenario({
        seriesId: v1.seriesId,
        name: "mine now",
        definition: { template: "UNIFORM", shock: -0.5 },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = (await caller.stress.scenarios()).filter((s) => s.user);
    expect(mine.map((s) => [s.name, s.user?.version, s.user?.mine])).toEqual([["Banks -20%", 2, true]]);
    // The first version still runs as it was.
    const { id } = await caller.stress.startRun({ scenarioId: v1.id });
    const run = await waitForEnd(caller, id);
    expect(run.scenarioName).toBe("Banks -15%");
    expect(run.status).toBe("DONE");
  });

  it("reports a run the server lost in a restart as FAILED and marks it so", async () => {
    const risk = await createUser(t.db, "RISK");
    const row = await t.db.prisma.stressRun.create({
      data: {
        scenarioId: "syn.uniform",
        scenarioName: "Uniform -10%",
        kind: "SYNTHETIC",
        status: "RUNNING",
        createdById: risk.id,
        createdByEmail: risk.email,
      },
    });
    const run = await callerFor(t.db, risk).stress.run({ id: row.id });
    expect(run.status).toBe("FAILED");
    expect((await t.db.prisma.stressRun.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("FAILED");
  });
});
