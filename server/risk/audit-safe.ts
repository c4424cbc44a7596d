// Numbers in audit payloads are rounded to 12 significant digits: the jsonb round trip keeps
// only ~15, so a float like 1.2345678901234567 would come back different and break its hash (A1).
export function roundForAudit<T>(value: T): T {
  if (typeof value === "number") return (Number.isFinite(value) ? Number(value.toPrecision(12)) : null) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => roundForAudit(v)) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundForAudit(v)])) as T;
  }
  return value;
}
