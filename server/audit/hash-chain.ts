// Pure core of the hash-chained audit trail (DESIGN A1): canonical serialization, the per-event
// hash and chain verification. No I/O; audit-service.ts loads and persists the rows.
import { createHash } from "node:crypto";

/** prevHash of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers: everything except id, prevHash and hash. */
export interface AuditEventContent {
  ts: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  inputsHash: string | null;
}

export interface AuditEventRow extends AuditEventContent {
  id: number;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows examined, including the first broken one when the chain is broken. */
  checked: number;
  firstBrokenId: number | null;
  reason?: "hash-mismatch" | "prev-link";
}

/** Lowercase hex sha256 of a UTF-8 string. */
export function hashSha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

interface JsonSerializable {
  toJSON: (key: string) => unknown;
}

function hasToJson(value: object): value is JsonSerializable {
  return typeof (value as Partial<JsonSerializable>).toJSON === "function";
}

// Values JSON drops from objects (and writes as null in arrays).
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function serializeCanonical(value: unknown, key: string): string {
  // toJSON first, as JSON.stringify does: Dates become ISO strings, Prisma Decimals strings. What is
  // stored in jsonb is exactly that serialized form, so hashing it keeps the round trip stable.
  const v = value !== null && typeof value === "object" && hasToJson(value) ? value.toJSON(key) : value;
  if (v === null || isOmitted(v)) return "null";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      // JSON.stringify writes NaN/Infinity as null and -0 as 0, matching what jsonb would hold.
      return JSON.stringify(v);
    case "bigint":
      throw new TypeError("canonicalJson: bigint has no JSON form");
    default:
      break;
  }
  if (Array.isArray(v)) {
    const items = v.map((item, i) => (isOmitted(item) ? "null" : serializeCanonical(item, String(i))));
    return `[${items.join(",")}]`;
  }
  const record = v as Record<string, unknown>;
  // jsonb does not keep key order, so the hash must not depend on it: keys sorted by code unit.
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const item = record[k];
    if (isOmitted(item)) continue;
    parts.push(`${JSON.stringify(k)}:${serializeCanonical(item, k)}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * Deterministic JSON: object keys sorted at every depth, arrays in order, Dates as ISO strings,
 * undefined omitted from objects and null in arrays. Top-level undefined serializes as null.
 */
export function canonicalJson(value: unknown): string {
  return serializeCanonical(value, "");
}

/** A1: sha256(prevHash + "\n" + canonical JSON of the event's content). */
export function computeEventHash(prevHash: string, e: AuditEventContent): string {
  // Absent and null are the same thing once stored (nullable columns, SQL NULL for empty jsonb),
  // so both hash as null.
  const content = {
    ts: e.ts.toISOString(), // millisecond precision, as the timestamptz(3) column keeps
    actorId: e.actorId ?? null,
    actorEmail: e.actorEmail ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    inputsHash: e.inputsHash ?? null,
  };
  return hashSha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

/**
 * Checks events (ascending id, contiguous in the chain) link to one another starting from
 * startPrevHash and that each stored hash matches its content. Stops at the first broken row:
 * a bad link points at a deleted or reordered row, a bad hash at an edited one.
 */
export function verifyChain(events: AuditEventRow[], startPrevHash: string = GENESIS_HASH): ChainVerification {
  let expectedPrev = startPrevHash;
  let checked = 0;
  for (const row of events) {
    checked += 1;
    if (row.prevHash !== expectedPrev) {
      return { ok: false, checked, firstBrokenId: row.id, reason: "prev-link" };
    }
    if (computeEventHash(row.prevHash, row) !== row.hash) {
      return { ok: false, checked, firstBrokenId: row.id, reason: "hash-mismatch" };
    }
    expectedPrev = row.hash;
  }
  return { ok: true, checked, firstBrokenId: null };
}
