// P2 ledger persistence: writes a balanced journal entry and moves Account.cash / Account.debt by
// exactly the entry's client postings, inside the caller's transaction, so the core account table
// and the ledger can never disagree. Also the read side: balances and the agreement check.
import crypto from "node:crypto";
import Decimal from "decimal.js";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { assertBalanced, clientDeltas, openingEntry, type EntryDraft } from "./ledger-math";

export type Tx = Prisma.TransactionClient;

/**
 * Locks client account rows (SELECT ... FOR UPDATE, in id order). The one lock order of every money
 * transaction: account rows first, then the withdrawal / deposit row, the audit lock last (it is
 * taken by appendAuditEventTx, so append audit events after the accounts are locked). Idempotent
 * within a transaction.
 */
export async function lockAccountsTx(tx: Tx, accountIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(accountIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
}

export async function postEntryTx(
  tx: Tx,
  draft: EntryDraft,
  ref: { refType?: string; refId?: string; memo?: string; idempotencyKey?: string } = {},
): Promise<string> {
  assertBalanced(draft);
  await lockAccountsTx(tx, clientDeltas(draft).keys());
  const entry = await tx.journalEntry.create({
    data: {
      kind: draft.kind,
      refType: ref.refType,
      refId: ref.refId,
      memo: ref.memo,
      idempotencyKey: ref.idempotencyKey,
      postings: {
        create: draft.postings.map((p) => ({
          ledgerAccount: p.ledgerAccount,
          accountId: p.accountId,
          amount: p.amount.toFixed(2),
        })),
      },
    },
    select: { id: true },
  });
  // The database refuses an unbalanced entry at commit (deferred constraint trigger); checking it
  // here makes the refusal an error of this statement, on every driver (the PGlite adapter ends a
  // transaction whose COMMIT failed without reporting it).
  await tx.$executeRaw`SET CONSTRAINTS "Posting_entry_balanced" IMMEDIATE`;
  await tx.$executeRaw`SET CONSTRAINTS "Posting_entry_balanced" DEFERRED`;
  for (const [accountId, d] of clientDeltas(draft)) {
    await tx.account.update({
      where: { id: accountId },
      data: { cash: { increment: d.cash.toFixed(2) }, debt: { increment: d.debt.toFixed(2) } },
    });
  }
  return entry.id;
}

export interface EntryToPost {
  draft: EntryDraft;
  ref?: { refType?: string; refId?: string; memo?: string; idempotencyKey?: string };
  /** Chosen by the caller when another row must point at the entry (e.g. a fill's journalEntryId). */
  id?: string;
}

/**
 * Many entries in one go inside the caller's transaction, for work done in bulk (a minute's liquidation
 * fills): the same rules as postEntryTx (balanced drafts, client accounts locked first in id order,
 * the balance constraint checked before returning, Account.cash/debt moved by exactly the client
 * postings), with one statement per table instead of several per entry. Returns the entry ids in order.
 */
export async function postEntriesTx(tx: Tx, entries: readonly EntryToPost[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const totals = new Map<string, { cash: Decimal; debt: Decimal }>();
  const entryRows: Array<Record<string, unknown>> = [];
  const postingRows: Array<Record<string, unknown>> = [];
  const ids = entries.map((e) => {
    assertBalanced(e.draft);
    const id = e.id ?? crypto.randomUUID();
    entryRows.push({
      id,
      kind: e.draft.kind,
      refType: e.ref?.refType ?? null,
      refId: e.ref?.refId ?? null,
      memo: e.ref?.memo ?? null,
      idempotencyKey: e.ref?.idempotencyKey ?? null,
    });
    for (const p of e.draft.postings)
      postingRows.push({
        id: crypto.randomUUID(),
        entryId: id,
        ledgerAccount: p.ledgerAccount,
        accountId: p.accountId,
        amount: p.amount.toFixed(2),
      });
    for (const [accountId, d] of clientDeltas(e.draft)) {
      const t = totals.get(accountId) ?? { cash: new Decimal(0), debt: new Decimal(0) };
      totals.set(accountId, { cash: t.cash.plus(d.cash), debt: t.debt.plus(d.debt) });
    }
    return id;
  });
  await lockAccountsTx(tx, totals.keys());
  await tx.$executeRawUnsafe(
    `INSERT INTO "JournalEntry" (id, kind, "refType", "refId", memo, "idempotencyKey")
     SELECT id, kind, "refType", "refId", memo, "idempotencyKey" FROM json_populate_recordset(NULL::"JournalEntry", $1::json)`,
    JSON.stringify(entryRows),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "Posting" (id, "entryId", "ledgerAccount", "accountId", amount)
     SELECT id, "entryId", "ledgerAccount", "accountId", amount FROM json_populate_recordset(NULL::"Posting", $1::json)`,
    JSON.stringify(postingRows),
  );
  // As in postEntryTx: an unbalanced entry fails this statement rather than a COMMIT some drivers swallow.
  await tx.$executeRaw`SET CONSTRAINTS "Posting_entry_balanced" IMMEDIATE`;
  await tx.$executeRaw`SET CONSTRAINTS "Posting_entry_balanced" DEFERRED`;
  const moves = [...totals].map(([id, d]) => ({ id, cash: d.cash.toFixed(2), debt: d.debt.toFixed(2) }));
  await tx.$executeRawUnsafe(
    `UPDATE "Account" a SET cash = a.cash + d.cash, debt = a.debt + d.debt
     FROM json_to_recordset($1::json) AS d(id text, cash numeric, debt numeric) WHERE a.id = d.id`,
    JSON.stringify(moves),
  );
  return ids;
}

/** Demo book: opening entries for every account in batches (Account.cash/debt are already set). */
export async function postOpeningBalances(prisma: PrismaClient, batch = 1000): Promise<number> {
  let after = "";
  let count = 0;
  for (;;) {
    const accounts = await prisma.account.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, cash: true, debt: true },
    });
    if (accounts.length === 0) break;
    const entries: Prisma.JournalEntryCreateManyInput[] = [];
    const postings: Prisma.PostingCreateManyInput[] = [];
    for (const a of accounts) {
      const draft = openingEntry(a.id, new Decimal(a.cash.toString()), new Decimal(a.debt.toString()));
      if (draft.postings.length === 0) continue;
      const id = crypto.randomUUID();
      entries.push({ id, kind: "OPENING", refType: "Account", refId: a.id, idempotencyKey: `opening:${a.id}` });
      for (const p of draft.postings)
        postings.push({
          entryId: id,
          ledgerAccount: p.ledgerAccount,
          accountId: p.accountId,
          amount: p.amount.toFixed(2),
        });
    }
    await prisma.$transaction([
      prisma.journalEntry.createMany({ data: entries }),
      prisma.posting.createMany({ data: postings }),
    ]);
    count += accounts.length;
    after = accounts[accounts.length - 1]?.id ?? after;
  }
  return count;
}

/** Ledger balances of one client: cash (credit balance of CLIENT_CASH) and debt (debit balance). */
export async function clientLedgerBalances(db: Tx | PrismaClient, accountId: string) {
  const rows = await db.posting.groupBy({ by: ["ledgerAccount"], where: { accountId }, _sum: { amount: true } });
  const of = (k: string) => new Decimal(rows.find((r) => r.ledgerAccount === k)?._sum.amount?.toString() ?? "0");
  return { cash: of("CLIENT_CASH").neg(), debt: of("CLIENT_DEBT") };
}

/** Whole-book check: every entry balances, and no account's cash/debt differs from its ledger. */
export async function checkLedgerAgreement(prisma: PrismaClient) {
  const unbalanced = await prisma.$queryRaw<Array<{ entryId: string }>>`
    SELECT "entryId" FROM "Posting" GROUP BY "entryId" HAVING SUM(amount) <> 0 LIMIT 10`;
  const disagree = await prisma.$queryRaw<Array<{ id: string; code: string }>>`
    SELECT a.id, a.code FROM "Account" a
    LEFT JOIN (SELECT "accountId",
                      -SUM(CASE WHEN "ledgerAccount" = 'CLIENT_CASH' THEN amount ELSE 0 END) AS cash,
                       SUM(CASE WHEN "ledgerAccount" = 'CLIENT_DEBT' THEN amount ELSE 0 END) AS debt
               FROM "Posting" WHERE "accountId" IS NOT NULL GROUP BY "accountId") l ON l."accountId" = a.id
    WHERE a.cash <> COALESCE(l.cash, 0) OR a.debt <> COALESCE(l.debt, 0) LIMIT 10`;
  const totals = await prisma.posting.groupBy({ by: ["ledgerAccount"], _sum: { amount: true } });
  return {
    ok: unbalanced.length === 0 && disagree.length === 0,
    unbalancedEntries: unbalanced.map((r) => r.entryId),
    disagreeingAccounts: disagree.map((r) => r.code),
    totals: totals.map((t) => ({ ledgerAccount: t.ledgerAccount, balance: Number(t._sum.amount ?? 0) })),
  };
}
