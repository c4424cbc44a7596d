// T3 drill history: each drill with its measured response times and, for a completed drill, the
// change against the previous completed drill of the same kind (negative: the platform was faster).
import type { PrismaClient } from "../../db/generated/client";
import { compareDrills, type DrillMeasures } from "./drill-measures";

export async function listDrills(prisma: PrismaClient, limit: number) {
  const rows = await prisma.drillRecord.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  // Oldest first, so "previous of the same kind" is the last one seen.
  const lastOfKind = new Map<string, DrillMeasures>();
  const vsPrevious = new Map<string, DrillMeasures | null>();
  for (const r of [...rows].reverse()) {
    const m = r.measures as DrillMeasures | null;
    if (r.status !== "COMPLETE" || !m) continue;
    const prev = lastOfKind.get(r.kind);
    vsPrevious.set(r.id, prev ? compareDrills(m, prev) : null);
    lastOfKind.set(r.kind, m);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    startedAt: r.startedAt,
    firstCloseAt: r.firstCloseAt,
    observeUntil: r.observeUntil,
    clockSpeed: r.clockSpeed,
    startedByEmail: r.startedByEmail,
    input: r.input as Record<string, unknown>,
    result: r.result as { symbols?: string[]; returnPct?: number },
    measures: (r.measures as DrillMeasures | null) ?? null,
    triggered:
      (r.triggered as {
        alerts: number;
        tickets: number;
        executions: number;
        deskEvents: number;
        alertKinds?: Record<string, number>;
      } | null) ?? null,
    vsPrevious: vsPrevious.get(r.id) ?? null,
    completedAt: r.completedAt,
  }));
}
