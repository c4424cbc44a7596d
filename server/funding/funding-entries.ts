// Ledger entries of the funding domain (P2 chart in ../ledger/ledger-math.ts). New lending is paid
// out of the liquidity pool into the client's custody balance; pools are funded from the platform's
// funding. Interest and fees accrue through the ledger's own interestAccrualEntry / feeEntry.
import type Decimal from "decimal.js";
import { assertBalanced, toMoney, type EntryDraft } from "../ledger/ledger-math";

export type PoolAccount = "LIQUIDITY_POOL" | "OVERNIGHT_POOL";
export const POOL_ACCOUNTS: readonly PoolAccount[] = ["LIQUIDITY_POOL", "OVERNIGHT_POOL"];

function positive(v: Decimal, what: string): Decimal {
  const a = toMoney(v);
  if (a.lte(0)) throw new RangeError(`${what}: the amount must be positive`);
  return a;
}

/** Funding drawn into a pool: the pool (asset) up, the platform's funding (liability) up. */
export function poolFundingEntry(pool: PoolAccount, amount: Decimal): EntryDraft {
  const a = positive(amount, "pool funding");
  return assertBalanced({
    kind: "POOL_FUNDING",
    postings: [
      { ledgerAccount: pool, accountId: null, amount: a },
      { ledgerAccount: "FUNDING", accountId: null, amount: a.neg() },
    ],
  });
}

/**
 * A loan to a client for a buy on margin: the loan (CLIENT_DEBT) is paid out of the liquidity pool
 * and lands in the client's custody balance (CUSTODY / CLIENT_CASH), from which the buy settles.
 */
export function loanDrawdownEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "loan");
  return assertBalanced({
    kind: "LOAN_DRAWDOWN",
    postings: [
      { ledgerAccount: "CLIENT_DEBT", accountId, amount: a },
      { ledgerAccount: "LIQUIDITY_POOL", accountId: null, amount: a.neg() },
      { ledgerAccount: "CUSTODY", accountId: null, amount: a },
      { ledgerAccount: "CLIENT_CASH", accountId, amount: a.neg() },
    ],
  });
}
