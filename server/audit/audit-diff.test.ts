import { describe, expect, it } from "vitest";
import { diffAuditJson, flattenJson } from "./audit-diff";

describe("diffAuditJson", () => {
  it("pairs a parameter change leaf by leaf", () => {
    const rows = diffAuditJson(
      { version: 3, params: { mmr: { STOCK: 0.25 }, fundingAddOn: 0.02 } },
      { version: 4, params: { mmr: { STOCK: 0.3 }, fundingAddOn: 0.02 }, note: "widen" },
    );
    expect(rows).toEqual([
      { path: "version", before: "3", after: "4", kind: "changed" },
      { path: "params.mmr.STOCK", before: "0.25", after: "0.3", kind: "changed" },
      { path: "params.fundingAddOn", before: "0.02", after: "0.02", kind: "same" },
      { path: "note", before: null, after: "widen", kind: "added" },
    ]);
  });

  it("an event with only after reads as all added; keys only in before read as removed", () => {
    expect(diffAuditJson(null, { status: "FROZEN" })).toEqual([
      { path: "status", before: null, after: "FROZEN", kind: "added" },
    ]);
    expect(diffAuditJson({ a: 1, b: 2 }, { a: 1 })).toEqual([
      { path: "a", before: "1", after: "1", kind: "same" },
      { path: "b", before: "2", after: null, kind: "removed" },
    ]);
  });

  it("indexes short arrays and keeps long ones whole", () => {
    expect([...flattenJson({ legs: [{ qty: 100 }, { qty: 200 }] }).keys()]).toEqual(["legs[0].qty", "legs[1].qty"]);
    const long = Array.from({ length: 21 }, (_, i) => i);
    expect(flattenJson({ ids: long }).get("ids")).toEqual(long);
  });

  it("does not walk a prototype key as inherited, and cuts a very long cell", () => {
    const hostile = JSON.parse('{"__proto__": {"admin": true}, "constructor": "x"}') as unknown;
    const rows = diffAuditJson(null, hostile);
    expect(rows.map((r) => r.path)).toEqual(["__proto__.admin", "constructor"]);
    const [row] = diffAuditJson(null, { text: "y".repeat(1000) });
    expect(row?.after).toHaveLength(400);
    expect(row?.after?.endsWith("…")).toBe(true);
  });

  it("a scalar payload is one row", () => {
    expect(diffAuditJson(1, 2)).toEqual([{ path: "(value)", before: "1", after: "2", kind: "changed" }]);
  });
});
