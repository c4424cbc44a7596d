// A1: the audit chain's hash is stable across a jsonb round trip and any edit or deletion of a
// row is detected at that row (or, for a deletion, at the row after it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  computeEventHash,
  GENESIS_HASH,
  hashSha256Hex,
  verifyChain,
  type AuditEventContent,
  type AuditEventRow,
} from "./hash-chain";

function buildChain(contents: AuditEventContent[], firstId = 1, startPrevHash = GENESIS_HASH): AuditEventRow[] {
  const rows: AuditEventRow[] = [];
  let prevHash = startPrevHash;
  contents.forEach((content, i) => {
    const hash = computeEventHash(prevHash, content);
    rows.push({ ...content, id: firstId + i, prevHash, hash });
    prevHash = hash;
  });
  return rows;
}

// What PostgreSQL jsonb does to key order: it keeps its own (length, then bytes); reversing is as good a stand-in.
function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reorderKeys(v)]));
  }
  return value;
}

const holdEvent: AuditEventContent = {
  ts: new Date("2024-05-06T01:30:12.345Z"),
  actorId: "u1",
  actorEmail: "risk@demo.local",
  action: "liquidation.hold",
  targetType: "LiquidationTicket",
  targetId: "T-1",
  before: { status: "PENDING" },
  after: { reason: "client on phone", heldUntil: new Date("2024-05-06T01:31:00.000Z") },
  inputsHash: null,
};

const handMade: AuditEventContent[] = [
  holdEvent,
  {
    ...holdEvent,
    ts: new Date("2024-05-06T01:31:00.000Z"),
    action: "liquidation.execute",
    actorId: null,
    actorEmail: null,
  },
  {
    ...holdEvent,
    ts: new Date("2024-05-06T01:31:00.120Z"),
    action: "risk.tick",
    before: null,
    after: [1, 2.5, "x"],
    inputsHash: "ab".repeat(32),
  },
  {
    ...holdEvent,
    ts: new Date("2024-05-06T01:32:00.000Z"),
    action: "auth.signIn",
    targetType: null,
    targetId: null,
    before: null,
    after: null,
  },
];

describe("hashSha256Hex", () => {
  it("matches the FIPS 180-2 test vector for 'abc'", () => {
    expect(hashSha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, writes Dates as ISO and drops undefined", () => {
    const value = { b: 1, a: [3, { d: undefined, c: "x" }, undefined], z: new Date(0), y: null, n: -0 };
    expect(canonicalJson(value)).toBe('{"a":[3,{"c":"x"},null],"b":1,"n":0,"y":null,"z":"1970-01-01T00:00:00.000Z"}');
  });

  it("does not depend on key order", () => {
    const a = { outer: { x: 1, y: [{ p: 1, q: 2 }] }, k: "v" };
    const b = { k: "v", outer: { y: [{ q: 2, p: 1 }], x: 1 } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("serializes top-level undefined, non-finite numbers and escapes like JSON", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([Number.NaN, Infinity])).toBe("[null,null]");
    expect(canonicalJson({ 'q"': "a\nb", 中: "文" })).toBe('{"q\\"":"a\\nb","中":"文"}');
  });

  it("is invariant under a JSON round trip and key reordering (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = canonicalJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)) as unknown)).toBe(expected);
        expect(canonicalJson(reorderKeys(value))).toBe(expected);
      }),
    );
  });
});

describe("computeEventHash", () => {
  it("hashes prevHash, a newline and the canonical content (checked with sha256sum)", () => {
    // printf '%s\n%s' "$GENESIS" '{"action":...}' | sha256sum
    expect(computeEventHash(GENESIS_HASH, holdEvent)).toBe(
      "bbc7cd07a49952895bf0dc2b0196b091675887c125f670020a28b688925e3dc1",
    );
  });

  it("treats a missing before/after like the SQL NULL it is stored as", () => {
    const withNull = { ...holdEvent, before: null, after: null };
    const withUndefined = { ...holdEvent, before: undefined, after: undefined };
    expect(computeEventHash(GENESIS_HASH, withUndefined)).toBe(computeEventHash(GENESIS_HASH, withNull));
  });
});

describe("verifyChain", () => {
  it("verifies a hand-made chain, also after a jsonb-like key reorder", () => {
    const rows = buildChain(handMade);
    expect(verifyChain(rows)).toEqual({ ok: true, checked: 4, firstBrokenId: null });
    const reread = rows.map((r) => ({
      ...r,
      before: reorderKeys(r.before),
      after: reorderKeys(JSON.parse(JSON.stringify(r.after)) as unknown),
    }));
    expect(verifyChain(reread).ok).toBe(true);
  });

  it("verifies an empty chain and continues from a page boundary", () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, firstBrokenId: null });
    const rows = buildChain(handMade);
    const tail = rows.slice(2);
    const boundary = rows[1];
    if (!boundary) throw new Error("chain too short");
    expect(verifyChain(tail, boundary.hash).ok).toBe(true);
    expect(verifyChain(tail)).toMatchObject({ ok: false, firstBrokenId: 3, reason: "prev-link", checked: 1 });
  });

  it("locates an edited row by its own hash", () => {
    const rows = buildChain(handMade);
    const edited = rows.map((r) => (r.id === 2 ? { ...r, action: "liquidation.cancel" } : r));
    expect(verifyChain(edited)).toEqual({ ok: false, checked: 2, firstBrokenId: 2, reason: "hash-mismatch" });
  });
});

// ---- property tests: random chains, one tamper each ----

const nullableString = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const contentArb: fc.Arbitrary<AuditEventContent> = fc.record({
  ts: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }),
  actorId: nullableString,
  actorEmail: nullableString,
  action: fc.string({ minLength: 1, maxLength: 16 }),
  targetType: nullableString,
  targetId: nullableString,
  before: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: null }),
  after: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: null }),
  inputsHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
});
const chainArb = fc.array(contentArb, { minLength: 5, maxLength: 30 }).map((contents) => buildChain(contents, 101));

type TamperField =
  "action" | "actorEmail" | "targetId" | "before" | "after" | "ts" | "inputsHash" | "prevHash" | "hash";
const tamperFields: TamperField[] = [
  "action",
  "actorEmail",
  "targetId",
  "before",
  "after",
  "ts",
  "inputsHash",
  "prevHash",
  "hash",
];

function flipHexChar(hex: string, at: number): string {
  const i = at % hex.length;
  const flipped = hex[i] === "0" ? "1" : "0";
  return hex.slice(0, i) + flipped + hex.slice(i + 1);
}

function changeString(s: string | null, replacement: string): string {
  return s === replacement ? `${replacement}~` : replacement;
}

// Replaces a jsonb value with one that differs once serialized; a mere key reorder is not a tamper.
function changeJson(old: unknown, replacement: unknown): unknown {
  return canonicalJson(replacement) === canonicalJson(old ?? null) ? { tampered: old ?? null } : replacement;
}

function tamperRow(
  row: AuditEventRow,
  field: TamperField,
  seed: { text: string; json: unknown; int: number },
): AuditEventRow {
  switch (field) {
    case "action":
      return { ...row, action: changeString(row.action, seed.text) };
    case "actorEmail":
      return { ...row, actorEmail: changeString(row.actorEmail, seed.text) };
    case "targetId":
      return { ...row, targetId: changeString(row.targetId, seed.text) };
    case "inputsHash":
      return { ...row, inputsHash: row.inputsHash === null ? "f".repeat(64) : flipHexChar(row.inputsHash, seed.int) };
    case "before":
      return { ...row, before: changeJson(row.before, seed.json) };
    case "after":
      return { ...row, after: changeJson(row.after, seed.json) };
    case "ts":
      // A shift of at least one millisecond, either way: the smallest edit the column can hold.
      return { ...row, ts: new Date(row.ts.getTime() + (seed.int % 2 === 0 ? 1 : -1) * (1 + (seed.int % 86_400_000))) };
    case "prevHash":
      return { ...row, prevHash: flipHexChar(row.prevHash, seed.int) };
    case "hash":
      return { ...row, hash: flipHexChar(row.hash, seed.int) };
  }
}

describe("verifyChain (properties)", () => {
  it("accepts every untampered chain", () => {
    fc.assert(
      fc.property(chainArb, (rows) => {
        expect(verifyChain(rows)).toEqual({ ok: true, checked: rows.length, firstBrokenId: null });
      }),
    );
  });

  it("detects a single edit of any field of any row, at that row", () => {
    const seedArb = fc.record({
      text: fc.string({ maxLength: 8 }),
      json: fc.jsonValue({ maxDepth: 2 }),
      int: fc.nat(),
    });
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.constantFrom(...tamperFields), seedArb, (rows, pick, field, seed) => {
        const k = pick % rows.length;
        const tampered = rows.map((r, i) => (i === k ? tamperRow(r, field, seed) : r));
        const target = rows[k];
        if (!target) throw new Error("index out of range");
        const result = verifyChain(tampered);
        expect(result.ok).toBe(false);
        expect(result.firstBrokenId).toBe(target.id);
        expect(result.checked).toBe(k + 1);
        expect(result.reason).toBe(field === "prevHash" ? "prev-link" : "hash-mismatch");
      }),
      { numRuns: 500 },
    );
  });

  it("detects a deleted middle row at the row after it", () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (rows, pick) => {
        const k = 1 + (pick % (rows.length - 2));
        const after = rows[k + 1];
        if (!after) throw new Error("index out of range");
        const result = verifyChain(rows.filter((_, i) => i !== k));
        expect(result).toEqual({ ok: false, checked: k + 1, firstBrokenId: after.id, reason: "prev-link" });
      }),
    );
  });

  it("still verifies after a jsonb round trip of before/after", () => {
    fc.assert(
      fc.property(chainArb, (rows) => {
        const reread = rows.map((r) => ({
          ...r,
          before: reorderKeys(JSON.parse(JSON.stringify(r.before)) as unknown),
          after: reorderKeys(JSON.parse(JSON.stringify(r.after)) as unknown),
          ts: new Date(r.ts.toISOString()),
        }));
        expect(verifyChain(reread).ok).toBe(true);
      }),
    );
  });
});
