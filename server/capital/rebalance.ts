// C4 rebalancing: shift client credit limits away from the accounts that carry the most platform risk
// per yuan of limit (mode RISK: Euler ES contribution / limit) or earn the least per unit of that risk
// (mode RETURN_RISK: income / contribution), towards the best-ranked ones. The worst `groupShare` of
// the ranked accounts give up `shiftShare` of their limit (never below what they have drawn); what
// they give up goes to the best `groupShare`, pro rata to their limits. The total of all limits is
// unchanged to the fen. Amounts are in fen (integers) so the sum is exact.

export type RebalanceMode = "RISK" | "RETURN_RISK";

export interface RebalanceAccount {
  accountId: string;
  code: string;
  /** Current credit limit and debt drawn, fen. */
  limitFen: number;
  debtFen: number;
  /** Euler contribution to the book's expected shortfall, CNY (may be negative: a hedge). */
  contribution: number;
  /** Interest and fees earned over the look-back, CNY. */
  income: number;
}

export interface RebalanceOptions {
  mode: RebalanceMode;
  /** Share of a donor's limit moved, 0 < s <= 0.5. */
  shiftShare: number;
  /** Share of the ranked accounts in each group (donors, receivers), 0 < g <= 0.5. */
  groupShare: number;
}

export interface LimitChange {
  accountId: string;
  code: string;
  fromFen: number;
  toFen: number;
  /** The score the ranking used (see the mode). */
  score: number;
}

/** Higher is worse: risk per yuan of limit, or minus the return per unit of risk. */
export function rebalanceScore(a: RebalanceAccount, mode: RebalanceMode): number {
  if (mode === "RISK") return a.limitFen > 0 ? a.contribution / (a.limitFen / 100) : 0;
  // RETURN_RISK: accounts adding no risk rank best; among risk-adding ones, less income per risk is worse.
  if (a.contribution <= 0) return -Infinity;
  return -(a.income / a.contribution);
}

export function proposeRebalance(accounts: readonly RebalanceAccount[], o: RebalanceOptions): LimitChange[] {
  if (!(o.shiftShare > 0 && o.shiftShare <= 0.5)) throw new RangeError("shiftShare must be in (0, 0.5]");
  if (!(o.groupShare > 0 && o.groupShare <= 0.5)) throw new RangeError("groupShare must be in (0, 0.5]");
  const ranked = accounts
    .filter((a) => a.limitFen > 0)
    .map((a) => ({ a, score: rebalanceScore(a, o.mode) }))
    // Worst first; ties by code so the same book always gives the same plan.
    .sort((x, y) => y.score - x.score || (x.a.code < y.a.code ? -1 : x.a.code > y.a.code ? 1 : 0));
  const n = Math.floor(ranked.length * o.groupShare);
  if (n === 0) return [];
  const donors = ranked.slice(0, n);
  const receivers = ranked.slice(ranked.length - n);
  const changes: LimitChange[] = [];
  let freed = 0;
  for (const { a, score } of donors) {
    const cut = Math.min(Math.floor(a.limitFen * o.shiftShare), Math.max(0, a.limitFen - a.debtFen));
    if (cut <= 0) continue;
    freed += cut;
    changes.push({ accountId: a.accountId, code: a.code, fromFen: a.limitFen, toFen: a.limitFen - cut, score });
  }
  if (freed === 0) return [];
  const base = receivers.reduce((s, r) => s + r.a.limitFen, 0);
  let given = 0;
  receivers.forEach(({ a, score }, i) => {
    // Pro rata, floored (in integers: fen times fen passes 2^53); the last receiver takes the remainder.
    const add =
      i === receivers.length - 1 ? freed - given : Number((BigInt(freed) * BigInt(a.limitFen)) / BigInt(base));
    given += add;
    changes.push({ accountId: a.accountId, code: a.code, fromFen: a.limitFen, toFen: a.limitFen + add, score });
  });
  return changes;
}
