// P2 reconciliation workflow: import a custody statement for a day, match it against the ledger's
// custody movements of that day (confirmed deposits by their bank reference, settled withdrawals
// by their rail reference), store the items, then assign and resolve breaks with a note (audited).
import crypto from "node:crypto";
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent, appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import { shanghaiDate } from "./channels";
import {
  parseStatementCsv,
  reconcile,
  STATEMENT_MAX_BYTES,
  StatementFormatError,
  type LedgerMovement,
} from "./reconciliation";
import type { Actor } from "./withdrawal-transition";

function dayBounds(date: string): { gte: Date; lt: Date } {
  const start = new Date(`${date}T00:00:00+08:00`);
  return { gte: start, lt: new Date(start.getTime() + 24 * 3600_000) };
}

/** The ledger side of a day: custody movements keyed by the bank's reference. */
export async function loadCustodyMovements(prisma: PrismaClient, date: string): Promise<LedgerMovement[]> {
  const range = dayBounds(date);
  const [deposits, withdrawals] = await Promise.all([
    prisma.deposit.findMany({
      where: { status: { in: ["CONFIRMED", "REVERSED"] }, confirmedAt: range },
      select: { reference: true, amount: true },
    }),
    prisma.withdrawal.findMany({
      where: { status: { in: ["SETTLED", "REVERSED"] }, settledAt: range },
      select: { railRef: true, amount: true },
    }),
  ]);
  return [
    ...deposits.map((d) => ({ reference: d.reference, amount: new Decimal(d.amount.toString()) })),
    ...withdrawals.flatMap((w) =>
      w.railRef ? [{ reference: w.railRef, amount: new Decimal(w.amount.toString()).neg() }] : [],
    ),
  ];
}

/** Items are written in batches of this many rows (one INSERT each, never one per row). */
const ITEM_BATCH = 2_000;

/**
 * Imports a statement of at most STATEMENT_MAX_BYTES (5 MiB, about 125,000 lines; bigger is a 413).
 * The cost is linear: one parse, one pass of matching through maps, and the items stored with
 * multi-row inserts (a 5 MiB statement used to take minutes and gigabytes as one INSERT per item).
 */
export async function importStatement(
  prisma: PrismaClient,
  input: { fileName: string; csv: string; date?: string },
  actor: Actor,
) {
  const bytes = Buffer.byteLength(input.csv, "utf8");
  if (bytes > STATEMENT_MAX_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The statement is ${(bytes / 1048576).toFixed(1)} MiB; at most ${STATEMENT_MAX_BYTES / 1048576} MiB may be imported at once (split it by day).`,
    );
  }
  let lines;
  try {
    lines = parseStatementCsv(input.csv);
  } catch (err) {
    if (err instanceof StatementFormatError) throw new AppError("BAD_REQUEST", err.message);
    throw err;
  }
  const date = input.date ?? lines[0]?.date ?? shanghaiDate(Date.now());
  const items = reconcile(
    lines.filter((l) => l.date === date),
    await loadCustodyMovements(prisma, date),
  );
  const matched = items.filter((i) => i.kind === "MATCHED").length;
  return prisma.$transaction(
    async (tx) => {
      const run = await tx.reconciliationRun.create({
        data: {
          statementDate: date,
          fileName: input.fileName,
          importedById: actor.id,
          matched,
          breaks: items.length - matched,
        },
      });
      for (let i = 0; i < items.length; i += ITEM_BATCH) {
        const batch = items.slice(i, i + ITEM_BATCH);
        const col = <T>(f: (it: (typeof batch)[number]) => T) => batch.map(f);
        // One statement per batch with seven array parameters (unnest), not one parameter per cell.
        await tx.$executeRaw`
        INSERT INTO "ReconciliationItem" (id, "runId", kind, reference, "ledgerAmount", "statementAmount", status)
        SELECT * FROM unnest(${col(() => crypto.randomUUID())}::text[], ${col(() => run.id)}::text[], ${col((it) => it.kind)}::text[],
          ${col((it) => it.reference)}::text[], ${col((it) => it.ledgerAmount?.toFixed(2) ?? null)}::numeric[],
          ${col((it) => it.statementAmount?.toFixed(2) ?? null)}::numeric[], ${col((it) => (it.kind === "MATCHED" ? "RESOLVED" : "OPEN"))}::text[])`;
      }
      await appendAuditEventTx(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "reconciliation.imported",
        targetType: "ReconciliationRun",
        targetId: run.id,
        after: { date, fileName: input.fileName, bytes, lines: lines.length, matched, breaks: items.length - matched },
      });
      return run;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

export async function assignBreak(prisma: PrismaClient, input: { itemId: string; assigneeId: string }, actor: Actor) {
  const item = await prisma.reconciliationItem.findUnique({ where: { id: input.itemId } });
  if (!item) throw new AppError("NOT_FOUND", "Reconciliation item not found.");
  if (item.status === "RESOLVED") throw new AppError("CONFLICT", "This item is already resolved.");
  const assignee = await prisma.user.findUnique({ where: { id: input.assigneeId }, select: { id: true, email: true } });
  if (!assignee) throw new AppError("NOT_FOUND", "That user does not exist.");
  const updated = await prisma.reconciliationItem.update({
    where: { id: item.id },
    data: { status: "ASSIGNED", assigneeId: assignee.id },
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "reconciliation.assigned",
    targetType: "ReconciliationItem",
    targetId: item.id,
    before: { status: item.status },
    after: { status: "ASSIGNED", assignee: assignee.email },
  });
  return updated;
}

export async function resolveBreak(prisma: PrismaClient, input: { itemId: string; note: string }, actor: Actor) {
  const note = input.note.trim();
  if (note.length < 3) throw new AppError("BAD_REQUEST", "Say how the break was resolved (at least 3 characters).");
  return prisma.$transaction(async (tx) => {
    const res = await tx.reconciliationItem.updateMany({
      where: { id: input.itemId, status: { in: ["OPEN", "ASSIGNED"] } },
      data: { status: "RESOLVED", note, resolvedAt: new Date() },
    });
    if (res.count !== 1) throw new AppError("CONFLICT", "This item does not exist or is already resolved.");
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "reconciliation.resolved",
      targetType: "ReconciliationItem",
      targetId: input.itemId,
      after: { status: "RESOLVED", note },
    });
    return tx.reconciliationItem.findUniqueOrThrow({ where: { id: input.itemId } });
  });
}

export async function listRuns(prisma: PrismaClient) {
  return prisma.reconciliationRun.findMany({ orderBy: { createdAt: "desc" }, take: 30 });
}

export async function getRun(prisma: PrismaClient, runId: string) {
  const run = await prisma.reconciliationRun.findUnique({
    where: { id: runId },
    include: { items: { orderBy: [{ kind: "asc" }, { reference: "asc" }] } },
  });
  if (!run) throw new AppError("NOT_FOUND", "Reconciliation run not found.");
  return {
    ...run,
    items: run.items.map((i) => ({
      ...i,
      ledgerAmount: i.ledgerAmount === null ? null : Number(i.ledgerAmount),
      statementAmount: i.statementAmount === null ? null : Number(i.statementAmount),
    })),
  };
}
