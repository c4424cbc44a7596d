// Issue 14: configuration changes reach every instance. Instance A (web) and engine B share the
// database and a bus over Redis (a channel namespace of this test alone); a RAISE_MARGIN action x1.5
// on a symbol applies on both; A revokes it; B's margin model (its ActionCache, which the risk tick
// reads as SymbolRiskOverrides) goes back to x1 without B being called.
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { redisTransport } from "@/server/engine/bus-transports";
import { createDistributedBus, type DistributedBus } from "@/server/engine/distributed-bus";
import { MarketMonitoring } from "@/server/market/monitoring/market-monitoring";
import { createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let t: TestDatabase | null = null;
let buses: DistributedBus[] = [];
afterEach(async () => {
  await Promise.all(buses.map((b) => b.close()));
  buses = [];
  await t?.drop();
  t = null;
});

describe.each(BACKENDS)("config propagation on %s", (kind) => {
  it("a margin multiplier revoked on instance A is no longer applied by engine B", async () => {
    t = await createTestDatabase(kind);
    const { prisma, sql } = t.db;
    const ns = `test_${crypto.randomBytes(6).toString("hex")}`;
    const busA = await createDistributedBus(redisTransport(REDIS_URL, ns), "web-a");
    const busB = await createDistributedBus(redisTransport(REDIS_URL, ns), "engine-b");
    buses.push(busA, busB);
    const rule = await prisma.alertRule.create({
      data: { name: "raise", kind: "*", minSeverity: "WARNING", action: "RAISE_MARGIN", multiplier: 1.5 },
    });
    const expiresAt = new Date(Date.now() + 30 * 60_000);
    await prisma.symbolAction.create({
      data: {
        id: "act-1",
        symbolCode: "600000",
        ruleId: rule.id,
        alertId: "al-1",
        action: "RAISE_MARGIN",
        multiplier: 1.5,
        expiresAt,
      },
    });
    const a = new MarketMonitoring({ prisma, sql, bus: busA, engine: null });
    const b = new MarketMonitoring({ prisma, sql, bus: busB, engine: null });
    await a.init();
    await b.init();
    expect([a.overrides.marginMultiplier("600000"), b.overrides.marginMultiplier("600000")]).toEqual([1.5, 1.5]);
    const admin = await createUser(t.db, "ADMIN");
    await a.revokeAction(admin, "act-1");
    expect(a.overrides.marginMultiplier("600000")).toBe(1);
    await expect.poll(() => b.overrides.marginMultiplier("600000"), { timeout: 5000 }).toBe(1);
    // The revocation is in the database too: a restarted engine would not apply it either.
    const c = new MarketMonitoring({ prisma, sql, bus: busB, engine: null });
    await c.init();
    expect(c.overrides.marginMultiplier("600000")).toBe(1);
  });
});
