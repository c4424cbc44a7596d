// Demo data for market monitoring (DESIGN 11): the default alert rules and a few historical
// alerts (some acknowledged) so the screens are not empty on first start.
import crypto from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";
import { createPrng } from "../../prng";

export const DEFAULT_RULES = [
  {
    name: "Crash or spike: raise margin x1.5",
    kind: "*",
    minSeverity: "CRITICAL",
    action: "RAISE_MARGIN",
    multiplier: 1.5,
    durationMin: 60,
  },
  {
    name: "Downside CUSUM: restrict new buys",
    kind: "CUSUM_DOWN",
    minSeverity: "WARNING",
    action: "RESTRICT_BUYS",
    multiplier: null,
    durationMin: 30,
  },
  {
    name: "Volatility spike: propose a hedge",
    kind: "VOL_SPIKE",
    minSeverity: "WARNING",
    action: "PROPOSE_HEDGE",
    multiplier: null,
    durationMin: 30,
  },
  {
    name: "Any warning: notify the desk",
    kind: "*",
    minSeverity: "WARNING",
    action: "NOTIFY",
    multiplier: null,
    durationMin: 15,
  },
  {
    name: "Liquidity: raise margin x1.25 on depth drops",
    kind: "DEPTH_DROP",
    minSeverity: "WARNING",
    action: "RAISE_MARGIN",
    multiplier: 1.25,
    durationMin: 30,
  },
] as const;

const HISTORY_KINDS = [
  "CUSUM_DOWN",
  "VOL_SPIKE",
  "SPREAD_WIDE",
  "DEPTH_DROP",
  "CHANGE_POINT",
  "VOLUME_SPIKE",
  "CUSUM_UP",
] as const;

export async function seedMarketDemo(prisma: PrismaClient, opts: { seed: number; now: number }): Promise<void> {
  if ((await prisma.alertRule.count()) === 0)
    await prisma.alertRule.createMany({ data: DEFAULT_RULES.map((r) => ({ ...r })) });
  const symbols = await prisma.symbol.findMany({
    where: { suspended: false },
    select: { code: true, prevClose: true },
    orderBy: { code: "asc" },
    take: 40,
  });
  const risk = await prisma.user.findFirst({ where: { role: "RISK" }, select: { id: true, email: true } });
  const rng = createPrng(opts.seed + 3);
  const rows = Array.from({ length: Math.min(12, symbols.length) }, (_, i) => {
    const s = symbols[rng.int(0, symbols.length - 1)] ?? symbols[0];
    const kind = HISTORY_KINDS[i % HISTORY_KINDS.length] ?? "VOL_SPIKE";
    const minutesAgo = 20 + i * 9;
    const ts = Math.floor((opts.now - minutesAgo * 60_000) / 60_000) * 60_000;
    const z = kind === "CUSUM_UP" ? 4 + rng.next() * 3 : -(4 + rng.next() * 5);
    const acked = i % 3 === 2;
    return {
      id: crypto.randomUUID(),
      symbolCode: s?.code ?? "",
      ts: new Date(ts),
      createdAt: new Date(ts + 60_000),
      kind,
      severity: Math.abs(z) >= 8 ? "CRITICAL" : i % 4 === 3 ? "INFO" : "WARNING",
      evidence:
        kind === "SPREAD_WIDE"
          ? { spreadBps: 42.5, spreadRatio: 4.1, seeded: "demo history" }
          : kind === "DEPTH_DROP"
            ? { depth: 18_400, prevDepth: 61_200, seeded: "demo history" }
            : kind === "VOLUME_SPIKE"
              ? { volume: 482_000, volumeZ: 5.2, seeded: "demo history" }
              : { z: Number(z.toFixed(3)), sigma: 0.0013, close: s?.prevClose ?? 0, seeded: "demo history" },
      latencyMs: 40 + Math.round(rng.next() * 80),
      ackAt: acked ? new Date(ts + 180_000) : null,
      ackById: acked ? (risk?.id ?? null) : null,
      ackByEmail: acked ? (risk?.email ?? null) : null,
      ackNote: acked ? "Checked the tape: news-driven, no action." : null,
    };
  });
  if (rows.length > 0) await prisma.marketAlert.createMany({ data: rows });
}
