// A readable change for one audit event: its before and after JSON flattened to dotted paths and
// paired, so a person reads "limit: 500000 -> 800000" instead of two JSON dumps side by side.
export type ChangeKind = "added" | "removed" | "changed" | "same";

export interface DiffRow {
  path: string;
  before: string | null;
  after: string | null;
  kind: ChangeKind;
}

/** Deeper objects and long arrays are shown whole as JSON text on one row. */
const MAX_DEPTH = 4;
const MAX_ARRAY_ITEMS = 20;
/** A cell is cut at this many characters (the export keeps everything). */
const MAX_CELL = 400;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function cell(v: unknown): string {
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Leaves of a JSON value keyed by dotted path (array items as [i]); own keys only. */
export function flattenJson(value: unknown, prefix = "", depth = 0, out = new Map<string, unknown>()) {
  if (isPlainObject(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
    for (const key of Object.keys(value)) {
      flattenJson(value[key], prefix ? `${prefix}.${key}` : key, depth + 1, out);
    }
  } else if (Array.isArray(value) && depth < MAX_DEPTH && value.length > 0 && value.length <= MAX_ARRAY_ITEMS) {
    value.forEach((item, i) => flattenJson(item, `${prefix}[${i}]`, depth + 1, out));
  } else {
    out.set(prefix || "(value)", value);
  }
  return out;
}

/**
 * Pairs the leaves of before and after. Paths keep the order in which they first appear (after's
 * keys first, then those only in before), so the rows read in the order the event was written.
 */
export function diffAuditJson(before: unknown, after: unknown): DiffRow[] {
  const b = before === null || before === undefined ? new Map<string, unknown>() : flattenJson(before);
  const a = after === null || after === undefined ? new Map<string, unknown>() : flattenJson(after);
  const paths = [...a.keys(), ...[...b.keys()].filter((p) => !a.has(p))];
  return paths.map((path) => {
    const inB = b.has(path);
    const inA = a.has(path);
    const bv = inB ? cell(b.get(path)) : null;
    const av = inA ? cell(a.get(path)) : null;
    const kind: ChangeKind = !inB ? "added" : !inA ? "removed" : bv === av ? "same" : "changed";
    return { path, before: bv, after: av, kind };
  });
}
