// S3 union-find clusters against hand-built graphs and, as a property, against a breadth-first
// search reference.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterAccounts, UnionFind, type AccountLink } from "./clusters";

const L = (a: string, b: string, kind = "DEVICE"): AccountLink => ({ a, b, kind });

describe("clusterAccounts", () => {
  it("chains, a separate pair, a self-link and duplicate links", () => {
    const links = [L("c", "b"), L("b", "a", "IP"), L("e", "d", "CARD"), L("f", "f"), L("d", "e", "PHONE")];
    expect(clusterAccounts(links)).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
  });
  it("two stars joined by one fund-flow edge become one cluster", () => {
    const links = [L("h1", "x1"), L("h1", "x2"), L("h2", "y1"), L("h2", "y2"), L("x2", "y2", "FUND_FLOW")];
    expect(clusterAccounts(links)).toEqual([["h1", "h2", "x1", "x2", "y1", "y2"]]);
  });
  it("no links: no clusters; clusters are listed by their first account in code-unit order", () => {
    expect(clusterAccounts([])).toEqual([]);
    expect(clusterAccounts([L("b", "Z"), L("a", "y")])).toEqual([
      ["Z", "b"],
      ["a", "y"],
    ]);
  });
  it("a 100,000-account chain (union by size keeps find shallow)", () => {
    const links = Array.from({ length: 99_999 }, (_, i) => L(`a${i}`, `a${i + 1}`));
    const c = clusterAccounts(links);
    expect(c).toHaveLength(1);
    expect(c[0]).toHaveLength(100_000);
  });
  it("agrees with a breadth-first search on random graphs (property)", () => {
    const node = fc.integer({ min: 0, max: 14 }).map((i) => `n${i}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node), { maxLength: 25 }), (pairs) => {
        const links = pairs.map(([a, b]) => L(a, b));
        const adj = new Map<string, string[]>();
        for (const { a, b } of links) {
          adj.set(a, [...(adj.get(a) ?? []), b]);
          adj.set(b, [...(adj.get(b) ?? []), a]);
        }
        const seen = new Set<string>();
        const ref: string[][] = [];
        for (const start of adj.keys()) {
          if (seen.has(start)) continue;
          const comp: string[] = [];
          const queue = [start];
          seen.add(start);
          while (queue.length) {
            const x = queue.shift() ?? "";
            comp.push(x);
            for (const y of adj.get(x) ?? []) {
              if (seen.has(y)) continue;
              seen.add(y);
              queue.push(y);
            }
          }
          if (comp.length >= 2) ref.push(comp.sort());
        }
        ref.sort((x, y) => ((x[0] ?? "") < (y[0] ?? "") ? -1 : 1));
        expect(clusterAccounts(links)).toEqual(ref);
      }),
    );
  });
  it("UnionFind.find is idempotent after unions", () => {
    const uf = new UnionFind();
    uf.union("a", "b");
    uf.union("c", "b");
    expect(uf.find("a")).toBe(uf.find("c"));
    expect(uf.find("d")).toBe("d");
  });
});
