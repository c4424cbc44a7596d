// Writes and verifies the hash-chained audit trail (DESIGN A1). Appends are serialized by a
// transaction-scoped advisory lock, so ascending id is chain order even with several writers.
import type { PrismaClient } from "../db/generated/client";
import { currentApiToken } from "../auth/request-context";
import { computeEventHash, GENESIS_HASH, verifyChain, type AuditEventRow } from "./hash-chain";

const AUDIT_LOCK_KEY = 72707370;

export interface AuditInput {
  actorId?: string | null;
  actorEmail?: string | null;
  action: string; // dotted verb, e.g. "auth.signIn", "auth.signInFailed"
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  inputsHash?: string | null;
}

type Tx = Pick<PrismaClient, "auditEvent" | "$executeRaw" | "$executeRawUnsafe">;

/**
 * The JSON that is both stored and hashed. Numbers keep 15 significant digits: a float such as
 * 0.1 + 0.2 does not survive every driver's jsonb round trip with all 17 digits, and the hash
 * must be recomputable from what is read back. Dates and Decimals become their JSON strings.
 */
export function normalizeAuditJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "number" ? (Number.isFinite(v) ? Number(v.toPrecision(15)) : null) : v,
  );
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** Appends one event inside an existing transaction (so the event commits with the action). */
export async function appendAuditEventTx(tx: Tx, input: AuditInput): Promise<{ id: number; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: the column is timestamptz(3) and the hash must survive the round trip.
  const ts = new Date(Math.floor(Date.now()));
  const content = auditContent(input, ts);
  const hash = computeEventHash(prevHash, content);
  const row = await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before === null ? undefined : (content.before as object),
      after: content.after === null ? undefined : (content.after as object),
      prevHash,
      hash,
    },
    select: { id: true },
  });
  return { id: row.id, hash };
}

/**
 * Appends several events in one go inside an existing transaction (one lock, one read of the chain's
 * head, one insert): the same chain as appending them one by one, for decisions taken in bulk at a
 * bar close (e.g. 1,000 liquidation tickets). Ids ascend in input order, so chain order holds.
 */
export async function appendAuditEventsTx(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const ts = new Date(Math.floor(Date.now()));
  const rows = inputs.map((input) => {
    const content = auditContent(input, ts);
    const hash = computeEventHash(prevHash, content);
    const row = { ...content, ts: ts.toISOString(), prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement, rows as one JSON parameter; ORDER BY the array position so ids follow chain order.
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditEvent" (ts, "actorId", "actorEmail", action, "targetType", "targetId", before, after, "inputsHash", "prevHash", hash)
     SELECT ts, "actorId", "actorEmail", action, "targetType", "targetId", before, after, "inputsHash", "prevHash", hash
     FROM json_populate_recordset(NULL::"AuditEvent", $1::json) WITH ORDINALITY AS r ORDER BY ordinality`,
    JSON.stringify(rows),
  );
}

/** The hashed content of one event: what both append paths store, so one chain can mix them. */
function auditContent(input: AuditInput, ts: Date) {
  return {
    ts,
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    before: normalizeAuditJson(input.before),
    after: normalizeAuditJson(attributeToApiToken(input.after)),
    inputsHash: input.inputsHash ?? null,
  };
}

/** An event written during an API-token call names the token (inside the hashed payload). */
function attributeToApiToken(after: unknown): unknown {
  const token = currentApiToken();
  if (!token) return after;
  const viaApiToken = { id: token.id, name: token.name };
  if (after === undefined || after === null) return { viaApiToken };
  if (typeof after === "object" && !Array.isArray(after)) return { ...(after as Record<string, unknown>), viaApiToken };
  return { value: after, viaApiToken };
}

export async function appendAuditEvent(prisma: PrismaClient, input: AuditInput) {
  return prisma.$transaction((tx) => appendAuditEventTx(tx, input));
}

const PAGE = 5000;

/** Walks the whole chain in pages; returns the first broken row's id. */
export async function verifyAuditChain(prisma: PrismaClient) {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (rows.length === 0) break;
    const result = verifyChain(rows as AuditEventRow[], prevHash);
    checked += result.checked;
    if (!result.ok) return { ok: false, checked, firstBrokenId: result.firstBrokenId };
    const tail = rows[rows.length - 1];
    if (!tail) break;
    prevHash = tail.hash;
    afterId = tail.id;
  }
  return { ok: true, checked, firstBrokenId: null as number | null };
}
