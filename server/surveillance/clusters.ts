// S3 linked accounts: union-find (path halving, union by size) over links between accounts
// (shared device, IP, card, phone, address, fund flows). Clusters are the connected components
// with at least two accounts, each sorted, listed by their first account.
export interface AccountLink {
  a: string;
  b: string;
  kind: string;
}

/** Kinds that say two accounts are related parties rather than one controller (S2 related-party trades). */
export const RELATION_KINDS: ReadonlySet<string> = new Set(["RELATED", "FAMILY", "EMPLOYEE", "SHAREHOLDER"]);

export class UnionFind {
  private parent = new Map<string, string>();
  private size = new Map<string, number>();

  add(x: string): void {
    if (!this.parent.has(x)) {
      this.parent.set(x, x);
      this.size.set(x, 1);
    }
  }

  find(x: string): string {
    this.add(x);
    let cur = x;
    for (;;) {
      const p = this.parent.get(cur) ?? cur;
      if (p === cur) return cur;
      const gp = this.parent.get(p) ?? p;
      this.parent.set(cur, gp);
      cur = gp;
    }
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [big, small] = (this.size.get(ra) ?? 1) >= (this.size.get(rb) ?? 1) ? [ra, rb] : [rb, ra];
    this.parent.set(small, big);
    this.size.set(big, (this.size.get(big) ?? 1) + (this.size.get(small) ?? 1));
  }

  elements(): IterableIterator<string> {
    return this.parent.keys();
  }
}

/** Connected components of the links with >= 2 accounts, each sorted, ordered by first account. */
export function clusterAccounts(links: readonly AccountLink[]): string[][] {
  const uf = new UnionFind();
  for (const l of links) uf.union(l.a, l.b);
  const groups = new Map<string, string[]>();
  for (const x of uf.elements()) {
    const r = uf.find(x);
    const g = groups.get(r);
    if (g) g.push(x);
    else groups.set(r, [x]);
  }
  return (
    [...groups.values()]
      .filter((g) => g.length >= 2)
      .map((g) => g.sort())
      // Code-unit order, as Array.prototype.sort orders each cluster; first accounts never tie.
      .sort((x, y) => ((x[0] ?? "") < (y[0] ?? "") ? -1 : 1))
  );
}

/** Account -> its cluster's first account, for the rules' group lookups. */
export function clusterIndex(clusters: readonly string[][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of clusters) for (const a of c) m.set(a, c[0] ?? a);
  return m;
}
