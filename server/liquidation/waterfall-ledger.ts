// R8 loss waterfall in the ledger: when a liquidation leaves an account with nothing left to sell and
// debt above its cash, the loss is allocated (./waterfall/allocate-loss.ts) to the client's own margin
// (its remaining cash, which repays the loan) and then written off the loan layer by layer: platform
// risk capital, guarantee fund, junior tranche, senior tranche. Each layer is a ledger account whose credit balance is what it can still absorb;
// a write-off credits CLIENT_DEBT and debits the layers, so every entry balances and Account.debt
// keeps agreeing with the ledger. What no layer can absorb stays as the client's debt (recorded).
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import {
  assertBalanced,
  debtRepaymentEntry,
  toMoney,
  type EntryDraft,
  type LedgerAccount,
} from "../ledger/ledger-math";
import { postEntryTx, type Tx } from "../ledger/ledger-service";
import { allocateLoss } from "./waterfall/allocate-loss";

export const WATERFALL_LAYERS = [
  "RISK_CAPITAL",
  "GUARANTEE_FUND",
  "JUNIOR_TRANCHE",
  "SENIOR_TRANCHE",
] as const satisfies readonly LedgerAccount[];
export type WaterfallLayer = (typeof WATERFALL_LAYERS)[number];

/** Demo funding of each layer, CNY (a small platform: risk capital is the thinnest, senior the thickest). */
export const DEMO_LAYER_FUNDING: Record<WaterfallLayer, number> = {
  RISK_CAPITAL: 5_000_000,
  GUARANTEE_FUND: 10_000_000,
  JUNIOR_TRANCHE: 30_000_000,
  SENIOR_TRANCHE: 120_000_000,
};

export interface LayerShare {
  layer: WaterfallLayer;
  amount: Decimal;
}

/** The write-off entry: credit the client's loan by the absorbed loss, debit each layer by its share. */
export function lossAbsorbedEntry(accountId: string, shares: readonly LayerShare[]): EntryDraft {
  const total = shares.reduce((a, s) => a.plus(s.amount), new Decimal(0));
  return assertBalanced({
    kind: "LOSS_ABSORBED",
    postings: [
      ...shares.map((s) => ({ ledgerAccount: s.layer, accountId: null, amount: toMoney(s.amount) })),
      { ledgerAccount: "CLIENT_DEBT", accountId, amount: toMoney(total).neg() },
    ],
  });
}

export function layerFundingEntry(layer: WaterfallLayer, amount: Decimal): EntryDraft {
  const a = toMoney(amount);
  return assertBalanced({
    kind: "WATERFALL_FUNDING",
    postings: [
      { ledgerAccount: "CUSTODY", accountId: null, amount: a },
      { ledgerAccount: layer, accountId: null, amount: a.neg() },
    ],
  });
}

/** Live balance (what it can still absorb) and usage of each layer, CNY. */
export async function readWaterfall(db: Tx | PrismaClient) {
  const rows = await db.posting.groupBy({
    by: ["ledgerAccount"],
    where: { ledgerAccount: { in: [...WATERFALL_LAYERS] } },
    _sum: { amount: true },
  });
  const used = await db.posting.groupBy({
    by: ["ledgerAccount"],
    where: { ledgerAccount: { in: [...WATERFALL_LAYERS] }, entry: { kind: "LOSS_ABSORBED" } },
    _sum: { amount: true },
  });
  const sum = (list: typeof rows, layer: string) =>
    new Decimal(list.find((r) => r.ledgerAccount === layer)?._sum.amount?.toString() ?? "0");
  return WATERFALL_LAYERS.map((layer) => {
    const balance = sum(rows, layer).neg();
    const absorbed = sum(used, layer);
    return {
      layer,
      balance: balance.toNumber(),
      absorbed: absorbed.toNumber(),
      funded: balance.plus(absorbed).toNumber(),
    };
  });
}

export async function absorbLossTx(tx: Tx, accountId: string, ticketId: string): Promise<void> {
  const left = await tx.position.count({ where: { accountId, qty: { gt: 0 } } });
  if (left > 0) return; // shares still held (e.g. suspended): the next ticket sells them first
  const acct = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { cash: true, debt: true } });
  const cash = new Decimal(acct.cash.toString());
  const debt = new Decimal(acct.debt.toString());
  if (debt.lte(cash)) return;
  // Negative equity: the loan left uncovered by any shares is allocated; the client's own margin (its
  // remaining cash) is the first layer, so the platform's layers take debt - cash.
  const layers = new Map((await readWaterfall(tx)).map((l) => [l.layer, l.balance] as const));
  const r = allocateLoss(debt, {
    CLIENT_MARGIN: cash,
    RISK_CAPITAL: layers.get("RISK_CAPITAL") ?? 0,
    GUARANTEE_FUND: layers.get("GUARANTEE_FUND") ?? 0,
    JUNIOR_TRANCHE: layers.get("JUNIOR_TRANCHE") ?? 0,
    SENIOR_TRANCHE: layers.get("SENIOR_TRANCHE") ?? 0,
  });
  const ref = { refType: "LiquidationTicket", refId: ticketId };
  const own = r.allocations.find((a) => a.layer === "CLIENT_MARGIN")?.absorbed ?? new Decimal(0);
  if (own.gt(0))
    await postEntryTx(tx, debtRepaymentEntry(accountId, own), {
      ...ref,
      idempotencyKey: `liq:${ticketId}:client-margin`,
    });
  const shares = r.allocations.flatMap((a): LayerShare[] =>
    a.layer !== "CLIENT_MARGIN" && a.absorbed.gt(0) ? [{ layer: a.layer, amount: a.absorbed }] : [],
  );
  if (shares.length > 0)
    await postEntryTx(tx, lossAbsorbedEntry(accountId, shares), {
      ...ref,
      idempotencyKey: `liq:${ticketId}:waterfall`,
    });
  await appendAuditEventTx(tx, {
    actorEmail: "system:liquidation",
    action: "liquidation.waterfall",
    targetType: "LiquidationTicket",
    targetId: ticketId,
    after: {
      accountId,
      loss: r.loss.toNumber(),
      allocations: r.allocations.map((a) => ({ layer: a.layer, absorbed: a.absorbed.toNumber() })),
      unabsorbed: r.unabsorbed.toNumber(),
    },
  });
}

/** Demo mode: funds each layer once (idempotent by key). */
export async function seedWaterfallLayers(
  prisma: PrismaClient,
  funding: Record<WaterfallLayer, number> = DEMO_LAYER_FUNDING,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const layer of WATERFALL_LAYERS) {
      const key = `waterfall:funding:${layer}`;
      if (await tx.journalEntry.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) continue;
      // Hook for the funding domain: a layer already funded (the tranche products fund JUNIOR_ and
      // SENIOR_TRANCHE, server/funding/tranche-service.ts) keeps its funding and gets no demo money.
      if (await tx.posting.count({ where: { ledgerAccount: layer } })) continue;
      await postEntryTx(tx, layerFundingEntry(layer, new Decimal(funding[layer])), {
        refType: "Waterfall",
        refId: layer,
        idempotencyKey: key,
        memo: "demo funding",
      });
    }
  });
}
