// P2 double-entry ledger, the pure layer: chart of ledger accounts, journal entries built from
// money movements, and the invariant that every entry balances (sum of debits = sum of credits).
// Amounts are decimal.js values rounded to the fen (2 dp); postings are signed: debit > 0, credit < 0.
//
// Chart (the platform's books):
//   CUSTODY     asset     segregated client money at the custody bank
//   CLIENT_DEBT asset     loans to a client (per account)           -> Account.debt = debit balance
//   CLIENT_CASH liability client money owed to a client (per account) -> Account.cash = credit balance
//   IN_TRANSIT  liability withdrawals sent to the rails, not yet settled
//   FUNDING     liability the platform's funding of client loans (opening balances)
//   SETTLEMENT  asset     clearing with the broker/exchange for trades (liquidation fills, R7)
//   FEE_INCOME, INTEREST_INCOME  income: fees charged, interest accrued on loans
//   RISK_CAPITAL, GUARANTEE_FUND, JUNIOR_TRANCHE, SENIOR_TRANCHE  the R8 loss waterfall's layers after the
//             client's own margin (credit balance = what the layer can still absorb)
//   LIQUIDITY_POOL, OVERNIGHT_POOL  asset  the platform's C2 pools (funding drawn and held liquid; the
//             guarantee pool is GUARANTEE_FUND); new lending is paid out of the liquidity pool
import Decimal from "decimal.js";

export type LedgerAccount =
  | "CUSTODY"
  | "CLIENT_DEBT"
  | "CLIENT_CASH"
  | "IN_TRANSIT"
  | "FUNDING"
  | "SETTLEMENT"
  | "FEE_INCOME"
  | "INTEREST_INCOME"
  | "RISK_CAPITAL"
  | "GUARANTEE_FUND"
  | "JUNIOR_TRANCHE"
  | "SENIOR_TRANCHE"
  | "LIQUIDITY_POOL"
  | "OVERNIGHT_POOL";

export interface PostingLine {
  ledgerAccount: LedgerAccount;
  accountId: string | null;
  amount: Decimal; // debit > 0, credit < 0
}

export type EntryKind =
  | "OPENING"
  | "DEPOSIT"
  | "DEPOSIT_REVERSED"
  | "WITHDRAWAL_SENT"
  | "WITHDRAWAL_SETTLED"
  | "WITHDRAWAL_FAILED"
  | "WITHDRAWAL_REVERSED"
  | "TRADE"
  | "DEBT_REPAYMENT"
  | "FEE"
  | "INTEREST_ACCRUAL"
  | "WATERFALL_FUNDING"
  | "LOSS_ABSORBED"
  | "POOL_FUNDING"
  | "POOL_TRANSFER"
  | "LOAN_DRAWDOWN";

export interface EntryDraft {
  kind: EntryKind;
  postings: PostingLine[];
}

export function toMoney(v: Decimal.Value | { toString(): string }): Decimal {
  return new Decimal(typeof v === "object" && !(v instanceof Decimal) ? v.toString() : v).toDecimalPlaces(
    2,
    Decimal.ROUND_HALF_UP,
  );
}

const dr = (ledgerAccount: LedgerAccount, accountId: string | null, amount: Decimal): PostingLine => ({
  ledgerAccount,
  accountId,
  amount,
});
const cr = (ledgerAccount: LedgerAccount, accountId: string | null, amount: Decimal): PostingLine => ({
  ledgerAccount,
  accountId,
  amount: amount.neg(),
});

export class UnbalancedEntryError extends Error {}

/** P2: refuses an entry whose postings do not sum to zero, has fewer than two lines or a zero line. */
export function assertBalanced(entry: EntryDraft): EntryDraft {
  if (entry.postings.length < 2) throw new UnbalancedEntryError(`${entry.kind}: an entry needs at least two postings`);
  let sum = new Decimal(0);
  for (const p of entry.postings) {
    if (!p.amount.equals(p.amount.toDecimalPlaces(2)))
      throw new UnbalancedEntryError(`${entry.kind}: amounts are in fen (2 dp)`);
    sum = sum.plus(p.amount);
  }
  if (!sum.isZero()) throw new UnbalancedEntryError(`${entry.kind}: debits and credits differ by ${sum.toFixed(2)}`);
  return entry;
}

function positive(amount: Decimal, what: string): Decimal {
  const a = toMoney(amount);
  if (a.lte(0)) throw new UnbalancedEntryError(`${what}: the amount must be positive`);
  return a;
}

/** Opening balances of a client account (demo book): cash from custody, the loan from funding. */
export function openingEntry(accountId: string, cash: Decimal, debt: Decimal): EntryDraft {
  const postings: PostingLine[] = [];
  const c = toMoney(cash);
  const d = toMoney(debt);
  if (!c.isZero()) postings.push(dr("CUSTODY", null, c), cr("CLIENT_CASH", accountId, c));
  if (!d.isZero()) postings.push(dr("CLIENT_DEBT", accountId, d), cr("FUNDING", null, d));
  return assertBalanced({ kind: "OPENING", postings });
}

export function depositEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "deposit");
  return assertBalanced({ kind: "DEPOSIT", postings: [dr("CUSTODY", null, a), cr("CLIENT_CASH", accountId, a)] });
}

export function depositReversedEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "deposit reversal");
  return assertBalanced({
    kind: "DEPOSIT_REVERSED",
    postings: [dr("CLIENT_CASH", accountId, a), cr("CUSTODY", null, a)],
  });
}

/** SENT: the client's cash leaves their balance and waits in transit until the rails settle. */
export function withdrawalSentEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "withdrawal");
  return assertBalanced({
    kind: "WITHDRAWAL_SENT",
    postings: [dr("CLIENT_CASH", accountId, a), cr("IN_TRANSIT", null, a)],
  });
}

export function withdrawalSettledEntry(amount: Decimal): EntryDraft {
  const a = positive(amount, "withdrawal settlement");
  return assertBalanced({ kind: "WITHDRAWAL_SETTLED", postings: [dr("IN_TRANSIT", null, a), cr("CUSTODY", null, a)] });
}

/** FAILED on the rails before settlement: the money returns from transit to the client. */
export function withdrawalFailedEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "withdrawal failure");
  return assertBalanced({
    kind: "WITHDRAWAL_FAILED",
    postings: [dr("IN_TRANSIT", null, a), cr("CLIENT_CASH", accountId, a)],
  });
}

/** REVERSED after settlement: the bank returns the funds to custody and the client is re-credited. */
export function withdrawalReversedEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "withdrawal reversal");
  return assertBalanced({
    kind: "WITHDRAWAL_REVERSED",
    postings: [dr("CUSTODY", null, a), cr("CLIENT_CASH", accountId, a)],
  });
}

/** A trade's cash leg (R7 fills): proceeds > 0 for a sale, < 0 for a purchase. */
export function tradeEntry(accountId: string, proceeds: Decimal): EntryDraft {
  const a = toMoney(proceeds);
  if (a.isZero()) throw new UnbalancedEntryError("trade: the cash leg must not be zero");
  const abs = a.abs();
  return assertBalanced({
    kind: "TRADE",
    postings: a.isPositive()
      ? [dr("SETTLEMENT", null, abs), cr("CLIENT_CASH", accountId, abs)]
      : [dr("CLIENT_CASH", accountId, abs), cr("SETTLEMENT", null, abs)],
  });
}

/** Cash repays the loan (liquidation proceeds repay debt first, R5/R7). */
export function debtRepaymentEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "debt repayment");
  return assertBalanced({
    kind: "DEBT_REPAYMENT",
    postings: [dr("CLIENT_CASH", accountId, a), cr("CLIENT_DEBT", accountId, a)],
  });
}

export function feeEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "fee");
  return assertBalanced({ kind: "FEE", postings: [dr("CLIENT_CASH", accountId, a), cr("FEE_INCOME", null, a)] });
}

/** Interest accrued on the loan raises the client's debt. */
export function interestAccrualEntry(accountId: string, amount: Decimal): EntryDraft {
  const a = positive(amount, "interest");
  return assertBalanced({
    kind: "INTEREST_ACCRUAL",
    postings: [dr("CLIENT_DEBT", accountId, a), cr("INTEREST_INCOME", null, a)],
  });
}

export interface ClientBalanceDelta {
  cash: Decimal; // change of Account.cash
  debt: Decimal; // change of Account.debt
}

/** How an entry moves each client's Account.cash and Account.debt (so both agree with the ledger). */
export function clientDeltas(entry: EntryDraft): Map<string, ClientBalanceDelta> {
  const out = new Map<string, ClientBalanceDelta>();
  for (const p of entry.postings) {
    if (!p.accountId) continue;
    const d = out.get(p.accountId) ?? { cash: new Decimal(0), debt: new Decimal(0) };
    if (p.ledgerAccount === "CLIENT_CASH") d.cash = d.cash.minus(p.amount); // liability: credit raises it
    if (p.ledgerAccount === "CLIENT_DEBT") d.debt = d.debt.plus(p.amount); // asset: debit raises it
    out.set(p.accountId, d);
  }
  return out;
}

/** Balances per ledger account (and client) over a list of entries: signed, debit positive. */
export function trialBalance(entries: readonly EntryDraft[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const e of entries) {
    for (const p of e.postings) {
      const key = p.accountId ? `${p.ledgerAccount}:${p.accountId}` : p.ledgerAccount;
      out.set(key, (out.get(key) ?? new Decimal(0)).plus(p.amount));
    }
  }
  return out;
}
