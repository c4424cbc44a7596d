// C1 per product: the book's Euler contributions and its debt split by the funding product that lent
// it (each funding source's loans; the opening book's debt with no loan record; accounts that borrow
// nothing). An account's contribution is split in proportion to its debt by product, so the products'
// contributions sum to the book's ES exactly as the accounts' do.

export const OPENING_BOOK = "OPENING_BOOK";
export const UNLEVERED = "UNLEVERED";

export interface AccountShare {
  accountId: string;
  debt: number;
  contribution: number;
}

export interface LoanShare {
  accountId: string;
  product: string;
  principal: number;
}

export interface ProductRow {
  product: string;
  capitalUsed: number;
  contribution: number;
}

export function allocateByProduct(accounts: readonly AccountShare[], loans: readonly LoanShare[]): ProductRow[] {
  const byAccount = new Map<string, Map<string, number>>();
  for (const l of loans) {
    const m = byAccount.get(l.accountId) ?? new Map<string, number>();
    m.set(l.product, (m.get(l.product) ?? 0) + l.principal);
    byAccount.set(l.accountId, m);
  }
  const rows = new Map<string, ProductRow>();
  const add = (product: string, capital: number, contribution: number) => {
    const r = rows.get(product) ?? { product, capitalUsed: 0, contribution: 0 };
    r.capitalUsed += capital;
    r.contribution += contribution;
    rows.set(product, r);
  };
  for (const a of accounts) {
    const loansOf = byAccount.get(a.accountId) ?? new Map<string, number>();
    const lent = [...loansOf.values()].reduce((s, v) => s + v, 0);
    // Loans are part of the debt; any debt beyond them is the opening book's. (Loans above the
    // recorded debt, e.g. partly repaid, are scaled to it.)
    const debt = Math.max(a.debt, 0);
    if (debt <= 0) {
      add(UNLEVERED, 0, a.contribution);
      continue;
    }
    // Shares of the debt by product; when the loans cover it all, by the loans alone.
    const base = Math.max(lent, debt);
    for (const [product, principal] of loansOf) {
      const share = principal / base;
      add(product, debt * share, a.contribution * share);
    }
    // The share first: contribution * rest can underflow to 0 when the debt is tiny.
    if (debt > lent) add(OPENING_BOOK, debt - lent, a.contribution * ((debt - lent) / debt));
  }
  return [...rows.values()].sort((x, y) => y.contribution - x.contribution);
}
