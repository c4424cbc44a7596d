// Output shapes of the payments read procedures the approvals queue, the withdrawal list, the
// deposits page and the ledger check depend on. Amounts are numbers for display only: the ledger
// keeps Decimals (P2).
import { z } from "zod";
import type { AmlHit } from "../../payments/aml/rules";

const figure = z.number().nullable();

export const marginViewOut = z
  .object({
    cash: figure,
    debt: figure,
    marketValue: figure,
    equity: z.number(),
    initialMargin: figure,
    pendingOther: figure,
    equityAfter: figure,
    headroom: z.number(),
    imRate: figure,
    source: z.enum(["risk-engine", "conservative"]),
    checkedAt: z.string().nullable(),
    marksAsOf: z.string().nullable(),
    rateAsOf: z.string().nullable(),
    valueDate: z.string().nullable(),
    settlementDate: z.string().nullable(),
  })
  .nullable();

export const withdrawalOut = z.object({
  id: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  clientName: z.string(),
  kycLevel: z.number().int().nullable(),
  amount: z.number(),
  channel: z.string(),
  beneficiaryName: z.string(),
  beneficiaryAcct: z.string(),
  status: z.string(),
  source: z.string(),
  requestedById: z.string().nullable(),
  amlScore: z.number(),
  amlHits: z.array(
    z.custom<AmlHit>((v) => typeof v === "object" && v !== null && "rule" in v, "an AML hit has a rule"),
  ),
  margin: marginViewOut,
  requiredApprovals: z.number().int(),
  escalated: z.boolean(),
  approvals: z.array(z.object({ approverId: z.string(), approverEmail: z.string(), at: z.date() })),
  coolOffUntil: z.date().nullable(),
  frozenFrom: z.string().nullable(),
  frozenReason: z.string().nullable(),
  appealText: z.string().nullable(),
  appealedAt: z.date().nullable(),
  rejectReason: z.string().nullable(),
  failureReason: z.string().nullable(),
  railRef: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  settledAt: z.date().nullable(),
  ageMinutes: z.number(),
  slaMinutes: z.number(),
  slaBreached: z.boolean(),
});

export const withdrawalDetailOut = withdrawalOut.extend({
  history: z.array(
    z.object({
      id: z.number().int(),
      ts: z.date(),
      action: z.string(),
      actorEmail: z.string().nullable(),
      after: z.unknown(),
    }),
  ),
});

export const depositOut = z.object({
  id: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  clientName: z.string(),
  amount: z.number(),
  channel: z.string(),
  reference: z.string(),
  payerName: z.string(),
  status: z.string(),
  createdAt: z.date(),
  confirmedAt: z.date().nullable(),
  chargebackAt: z.date().nullable(),
});

export const ledgerCheckOut = z.object({
  ok: z.boolean(),
  unbalancedEntries: z.array(z.string()),
  disagreeingAccounts: z.array(z.string()),
  totals: z.array(z.object({ ledgerAccount: z.string(), balance: z.number() })),
});
