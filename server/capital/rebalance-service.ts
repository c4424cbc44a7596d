// C4 rebalancing plans as governed changes: the server computes the plan from the live book (credit
// limits, debt, each account's Euler contribution to ES, its loans' interest and fees over 90 days);
// RISK or a MANAGER proposes it with a reason; another MANAGER approves it with a step-up, and only
// then are the limits written, in the approving transaction, after checking that no limit in the plan
// changed since it was computed.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { DEFAULT_KEY } from "../funding/lending-service";
import type { GovernedKind } from "../governance/governed-setting";
import type { Tx } from "../ledger/ledger-service";
import { bookExpectedShortfall } from "./capital-service";
import { proposeRebalance, type RebalanceAccount, type RebalanceOptions } from "./rebalance";

const INCOME_LOOKBACK_DAYS = 90;
/** A plan touches at most this many accounts (the approving transaction writes each). */
export const MAX_PLAN_CHANGES = 20_000;

export const rebalanceOptionsSchema = z.strictObject({
  mode: z.enum(["RISK", "RETURN_RISK"]),
  shiftShare: z.number().min(0.01, "move at least 1%").max(0.5, "move at most 50% of a limit"),
  groupShare: z.number().min(0.01, "at least 1% of the accounts").max(0.5, "at most half of the accounts"),
});

const changeSchema = z.strictObject({
  accountId: z.string().min(1).max(64),
  code: z.string().min(1).max(64),
  fromFen: z.number().int().min(0),
  toFen: z.number().int().min(0),
  score: z.number().nullable(),
});

export const rebalancePlanSchema = rebalanceOptionsSchema.extend({
  changes: z.array(changeSchema).max(MAX_PLAN_CHANGES),
});
export type RebalancePlan = z.infer<typeof rebalancePlanSchema>;

/** Each account's credit limit in fen (its own row, else the default row, else 0); one query. */
async function limitsOf(tx: Tx | PrismaClient, accountIds: string[]): Promise<Map<string, number>> {
  // One array parameter, not an IN list: a plan may name 20,000 accounts and the book 100,000.
  const rows = await tx.$queryRaw<{ accountId: string; fen: bigint }[]>`
    SELECT "accountId", round("limitAmount" * 100)::bigint AS fen FROM "CreditLimit"
    WHERE "accountId" = ANY(${[...accountIds, DEFAULT_KEY]}::text[])`;
  const own = new Map(rows.map((r) => [r.accountId, Number(r.fen)]));
  const def = own.get(DEFAULT_KEY);
  return new Map(accountIds.map((id) => [id, own.get(id) ?? def ?? 0]));
}

/** The plan the live book gives for these options (the preview, and what a proposal stores). */
export async function buildRebalancePlan(prisma: PrismaClient, o: RebalanceOptions, now = Date.now()) {
  const es = await bookExpectedShortfall(prisma, now);
  const ids = es.accounts.map((a) => a.accountId);
  const since = new Date(now - INCOME_LOOKBACK_DAYS * 86_400_000); // accrual days are YYYY-MM-DD
  const [limits, income] = await Promise.all([
    limitsOf(prisma, ids),
    prisma.$queryRaw<{ accountId: string; income: number }[]>`
      SELECT l."accountId", SUM(a.interest + a.fee)::float8 AS income
      FROM "LoanAccrual" a JOIN "Loan" l ON l.id = a."loanId"
      WHERE a.day >= ${since.toISOString().slice(0, 10)}
      GROUP BY l."accountId"`,
  ]);
  const incomeOf = new Map(income.map((r) => [r.accountId, r.income]));
  const accounts: RebalanceAccount[] = es.accounts.map((a) => ({
    accountId: a.accountId,
    code: a.code,
    limitFen: limits.get(a.accountId) ?? 0,
    debtFen: Math.round(a.debt * 100),
    contribution: a.contribution,
    income: incomeOf.get(a.accountId) ?? 0,
  }));
  const changes = proposeRebalance(accounts, o).map((c) => ({
    ...c,
    score: Number.isFinite(c.score) ? c.score : null,
  }));
  if (changes.length > MAX_PLAN_CHANGES)
    throw new AppError("BAD_REQUEST", `The plan would change ${changes.length} limits; at most ${MAX_PLAN_CHANGES}.`);
  const movedFen = changes.reduce((s, c) => s + Math.max(0, c.fromFen - c.toFen), 0);
  return { ...o, changes, movedFen, esAsOfMinute: Math.floor(now / 60_000), accountsRanked: accounts.length };
}

/** Writes the plan's limits after checking none changed since it was computed. */
async function applyRebalance(tx: Tx, plan: RebalancePlan) {
  const ids = plan.changes.map((c) => c.accountId);
  if (ids.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('capital.credit-limits'))`;
  const now = await limitsOf(tx, ids);
  const moved = plan.changes.filter((c) => now.get(c.accountId) !== c.fromFen);
  if (moved.length > 0)
    throw new AppError(
      "CONFLICT",
      `The limits of ${moved.length} account(s) changed since this plan was made (first: ${moved[0]?.code}); reject it and propose a new one.`,
    );
  await tx.$executeRaw`
    INSERT INTO "CreditLimit" ("accountId", "limitAmount", "updatedAt")
    SELECT id, (fen::numeric / 100), now()
    FROM unnest(${ids}::text[], ${plan.changes.map((c) => c.toFen)}::bigint[]) AS x(id, fen)
    ON CONFLICT ("accountId") DO UPDATE SET "limitAmount" = EXCLUDED."limitAmount", "updatedAt" = now()`;
}

export const REBALANCE_PLAN: GovernedKind<RebalancePlan> = {
  key: "capital.rebalance",
  schema: rebalancePlanSchema,
  apply: (tx, plan) => applyRebalance(tx, plan),
};
