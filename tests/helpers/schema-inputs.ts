// Inputs generated from an OpenAPI (JSON Schema 2020-12) schema, for the contract test: valid values
// as fast-check arbitraries, and invalid ones as single mutations of a valid value, each breaking
// one constraint the schema states (a type, a bound, a length, an enum, a required key).
// Sizes are kept small (arrays at most a few items past minItems) so heavy routes stay quick; the
// "too many items" mutation builds exactly maxItems + 1.
import fc from "fast-check";

export type Schema = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
/** Unbounded numbers are drawn from a range where the routes' arithmetic stays finite by itself. */
const SOFT_BOUND = 1e6;
/**
 * Non-zero magnitudes below this are not drawn: amounts, prices and quantities of 1e-300 and less
 * make ratios overflow, which the routes refuse with a 400 as their descriptions state (checked on
 * its own in the contract test), so drawing them would test that rule rather than the schema.
 */
const TINY = 1e-6;

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === "string") return [s.type];
  if (s.properties || s.additionalProperties) return ["object"];
  if (s.items || s.prefixItems) return ["array"];
  return [];
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = num(s.minimum) ?? num(s.exclusiveMinimum);
  const max = num(s.maximum) ?? num(s.exclusiveMaximum);
  const lo = Math.max(min ?? -SOFT_BOUND, -SOFT_BOUND);
  const hi = Math.min(max ?? SOFT_BOUND, Math.max(lo, SOFT_BOUND));
  if (typeof s.multipleOf === "number") {
    const step = s.multipleOf;
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    const kMin = Math.ceil(lo / step) + (s.exclusiveMinimum !== undefined ? 1 : 0);
    const kMax = Math.floor(hi / step) - (s.exclusiveMaximum !== undefined ? 1 : 0);
    return fc.integer({ min: kMin, max: kMax }).map((k) => Number((k * step).toFixed(decimals)));
  }
  if (integer) {
    return fc.integer({
      min: Math.ceil(lo) + (s.exclusiveMinimum !== undefined && Number.isInteger(lo) ? 1 : 0),
      max: Math.floor(hi) - (s.exclusiveMaximum !== undefined && Number.isInteger(hi) ? 1 : 0),
    });
  }
  const minExcluded = s.exclusiveMinimum !== undefined;
  const maxExcluded = s.exclusiveMaximum !== undefined;
  const double = (min: number, max: number, exMin: boolean, exMax: boolean) =>
    fc.double({ min, max, minExcluded: exMin, maxExcluded: exMax, noNaN: true, noDefaultInfinity: true });
  const parts: Array<fc.Arbitrary<number>> = [];
  if (lo <= 0 && hi >= 0 && !(lo === 0 && minExcluded) && !(hi === 0 && maxExcluded)) parts.push(fc.constant(0));
  if (hi >= TINY) parts.push(double(Math.max(lo, TINY), hi, lo > TINY && minExcluded, maxExcluded));
  if (lo <= -TINY) parts.push(double(lo, Math.min(hi, -TINY), minExcluded, hi < -TINY && maxExcluded));
  return parts.length ? fc.oneof(...parts) : double(lo, hi, minExcluded, maxExcluded);
}

function stringArb(s: Schema): fc.Arbitrary<string> {
  if (s.format === "date-time")
    return fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
      .map((d) => d.toISOString());
  const minLength = num(s.minLength) ?? 0;
  const maxLength = num(s.maxLength) ?? minLength + 16;
  // Printable ASCII; the longest allowed string is drawn too, since caps are where drift hides.
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 12) }),
    fc.string({ minLength: maxLength, maxLength }),
  );
}

/** An arbitrary of values the schema accepts (cross-field rules aside: see the contract test). */
export function validArb(s: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.examples) && s.examples.length) return fc.constantFrom(...(s.examples as unknown[]));
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return fc.oneof(...alts.map(validArb));
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validArb({ ...s, type })));
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "string":
      return stringArb(s);
    case "array": {
      if (Array.isArray(s.prefixItems)) return fc.tuple(...(s.prefixItems as Schema[]).map(validArb));
      const minLength = num(s.minItems) ?? 0;
      const maxLength = Math.min(num(s.maxItems) ?? Infinity, minLength + 4);
      return fc.array(validArb((s.items as Schema | undefined) ?? {}), { minLength, maxLength });
    }
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      if (Object.keys(props).length === 0 && s.additionalProperties && typeof s.additionalProperties === "object") {
        const keys = stringArb((s.propertyNames as Schema | undefined) ?? { type: "string", minLength: 1 });
        return fc.dictionary(keys, validArb(s.additionalProperties as Schema), {
          minKeys: 1,
          maxKeys: Math.min(num(s.maxProperties) ?? 4, 4),
        });
      }
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v)])), {
        requiredKeys: required,
      }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.constant(0);
  }
}

export interface Mutation {
  /** What was broken, for the failure message. */
  what: string;
  path: Array<string | number>;
  /** set: replace the value at path; delete: remove key `key` of the object at path; add: add `key`. */
  op: "set" | "delete" | "add";
  key?: string;
  value?: unknown;
}

/**
 * Every single-constraint violation the schema states for `value` (walked together with it).
 * Each one must be refused with a 400.
 */
export function invalidMutations(s: Schema, value: unknown, path: Array<string | number> = []): Mutation[] {
  const where = path.join(".") || "(body)";
  const out: Mutation[] = [];
  const set = (what: string, v: unknown) => out.push({ what: `${where}: ${what}`, path, op: "set", value: v });
  const types = typesOf(s);
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  // Mutations against every alternative; the caller keeps only those the document itself refuses.
  if (alts) for (const alt of alts) out.push(...invalidMutations(alt, value, path));
  if (Array.isArray(s.enum)) set("not one of the enum values", "NOT_IN_ENUM");
  if (types.length === 1 && !alts && !("const" in s)) {
    const t = types[0];
    set(`wrong type (${t} expected)`, t === "string" ? 12345 : t === "boolean" ? "yes" : t === "null" ? 0 : "x");
  }
  if (typeof value === "number") {
    const pad = (b: number) => Math.max(1, Math.abs(b) * 0.5);
    if (typeof s.minimum === "number") set(`below minimum ${s.minimum}`, s.minimum - pad(s.minimum));
    if (typeof s.exclusiveMinimum === "number") set(`at exclusiveMinimum ${s.exclusiveMinimum}`, s.exclusiveMinimum);
    if (typeof s.maximum === "number") set(`above maximum ${s.maximum}`, s.maximum + pad(s.maximum));
    if (typeof s.exclusiveMaximum === "number") set(`at exclusiveMaximum ${s.exclusiveMaximum}`, s.exclusiveMaximum);
    if (s.type === "integer") set("not an integer", Math.trunc(value) + 0.5);
    if (typeof s.multipleOf === "number") set(`not a multiple of ${s.multipleOf}`, value + s.multipleOf / 10);
  }
  if (typeof value === "string") {
    if (s.format === "date-time") set("not a date-time", "yesterday");
    else {
      if (typeof s.maxLength === "number") set(`longer than ${s.maxLength}`, "x".repeat(s.maxLength + 1));
      if (typeof s.minLength === "number" && s.minLength > 0) set(`shorter than ${s.minLength}`, "");
    }
  }
  if (Array.isArray(value)) {
    if (Array.isArray(s.prefixItems)) {
      set("tuple of the wrong length", value.slice(0, -1));
      (s.prefixItems as Schema[]).forEach((item, i) => out.push(...invalidMutations(item, value[i], [...path, i])));
    } else {
      if (typeof s.maxItems === "number" && value.length > 0)
        set(
          `more than ${s.maxItems} items`,
          Array.from({ length: s.maxItems + 1 }, (_, i) => value[i % value.length]),
        );
      if (typeof s.minItems === "number" && s.minItems > 0)
        set(`fewer than ${s.minItems} items`, value.slice(0, s.minItems - 1));
      const items = s.items as Schema | undefined;
      if (items && value.length > 0) out.push(...invalidMutations(items, value[0], [...path, 0]));
    }
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const any = Object.values(obj)[0] ?? 0;
    for (const key of (s.required ?? []) as string[])
      out.push({ what: `${where}: required ${key} missing`, path, op: "delete", key });
    for (const [key, v] of Object.entries(obj)) {
      const ps =
        props[key] ?? (typeof s.additionalProperties === "object" ? (s.additionalProperties as Schema) : undefined);
      if (ps) out.push(...invalidMutations(ps, v, [...path, key]));
    }
    const names = s.propertyNames as Schema | undefined;
    if (names && typeof names.maxLength === "number")
      out.push({
        what: `${where}: a key longer than ${names.maxLength}`,
        path,
        op: "add",
        key: "k".repeat(names.maxLength + 1),
        value: any,
      });
    if (typeof s.maxProperties === "number")
      set(
        `more than ${s.maxProperties} keys`,
        Object.fromEntries(Array.from({ length: s.maxProperties + 1 }, (_, i) => [`K${i}`, any])),
      );
  }
  return out;
}

function setAt(root: unknown, path: Array<string | number>, apply: (parent: unknown) => unknown): unknown {
  if (path.length === 0) return apply(root);
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, apply);
  return copy;
}

/** The value with one mutation applied (the original is not changed). */
export function applyMutation(value: unknown, m: Mutation): unknown {
  return setAt(value, m.path, (target) => {
    if (m.op === "set") return m.value;
    const copy = { ...(target as Record<string, unknown>) };
    if (m.op === "delete" && m.key !== undefined) delete copy[m.key];
    if (m.op === "add" && m.key !== undefined) copy[m.key] = m.value;
    return copy;
  });
}
