// P3 request: REQUESTED -> CHECKED (AML P4 and the initial-margin check) -> PENDING_APPROVAL, or
// REJECTED when the margin check refuses. Idempotent on the request's idempotency key: a repeated
// submission returns the first withdrawal and never creates a second one.
import { assertNotFrozenTx } from "../surveillance/account-actions";
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { loadCalendar } from "../calendar/calendar-service";
import { AppError } from "../errors";
import type { AccountRiskSource } from "../risk/ports";
import { loadAmlInput } from "./aml/aml-inputs";
import { evaluateAml, largeValueCategories } from "./aml/rules";
import { CHANNEL_RULES, checkChannelLimit, settlementDates, shanghaiDate, type Channel } from "./channels";
import { checkWithdrawalMargin } from "./margin-check";
import { parseMoneyAmount } from "./money-input";
import { transitionTx, type Actor } from "./withdrawal-transition";

/** P3: at or above this amount two distinct managers must approve. */
export const HIGH_VALUE_THRESHOLD = 1_000_000;

export interface WithdrawalRequestInput {
  accountId: string;
  amount: number;
  channel: Channel;
  beneficiaryName: string;
  beneficiaryAcct: string;
  idempotencyKey: string;
  ip?: string | null;
  deviceId?: string | null;
  source: "CONSOLE" | "API" | "CLIENT";
}

export async function requestWithdrawal(
  prisma: PrismaClient,
  input: WithdrawalRequestInput,
  actor: Actor | null,
  deps: { nowMs?: number; accountRisk?: AccountRiskSource } = {},
) {
  const nowMs = deps.nowMs ?? Date.now();
  const amount = parseMoneyAmount(input.amount);
  const existing = await prisma.withdrawal.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return replay(existing, input, amount);
  const account = await prisma.account.findUnique({ where: { id: input.accountId }, select: { id: true, code: true } });
  if (!account) throw new AppError("NOT_FOUND", "Account not found.");
  const limit = checkChannelLimit(input.channel, amount.toNumber());
  if (limit) throw new AppError("BAD_REQUEST", `Over the channel limit: ${limit}.`);
  const rule = CHANNEL_RULES[input.channel];
  const aml = evaluateAml(
    await loadAmlInput(
      prisma,
      {
        ...input,
        ip: input.ip ?? null,
        deviceId: input.deviceId ?? null,
        amount: amount.toNumber(),
        crossBorder: rule.crossBorder,
      },
      nowMs,
    ),
  );
  const coolOff = aml.hits.find((h) => h.rule === "NEW_BENEFICIARY")?.evidence.coolOffUntil;
  const dates = settlementDates(input.channel, nowMs, await loadCalendar(prisma, "BANK", shanghaiDate(nowMs)));
  try {
    return await prisma.$transaction(async (tx) => {
      const margin = await checkWithdrawalMargin(tx, input.accountId, amount, { accountRisk: deps.accountRisk, nowMs });
      // A frozen account (S5) cannot start a withdrawal either (checked after the account lock above).
      await assertNotFrozenTx(tx, input.accountId);
      const w = await tx.withdrawal.create({
        data: {
          accountId: input.accountId,
          amount: amount.toFixed(2),
          channel: input.channel,
          beneficiaryName: input.beneficiaryName,
          beneficiaryAcct: input.beneficiaryAcct,
          status: "REQUESTED",
          source: input.source,
          requestedById: actor?.id ?? null,
          idempotencyKey: input.idempotencyKey,
          ip: input.ip ?? null,
          deviceId: input.deviceId ?? null,
          amlScore: aml.score,
          amlHits: aml.hits as unknown as object,
          riskCheck: { ...margin, ...dates } as unknown as object,
          requiredApprovals: amount.gte(HIGH_VALUE_THRESHOLD) ? 2 : 1,
          coolOffUntil: typeof coolOff === "string" ? new Date(coolOff) : null,
          createdAt: new Date(nowMs),
        },
      });
      await appendAuditEventTx(tx, {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? `client:${account.code}`,
        action: "withdrawal.requested",
        targetType: "Withdrawal",
        targetId: w.id,
        after: { accountId: input.accountId, amount: amount.toFixed(2), channel: input.channel, source: input.source },
      });
      if (!margin.ok) {
        await transitionTx(tx, w, "REJECT", {
          actor: null,
          data: { rejectReason: margin.reason },
          audit: { reason: margin.reason, margin },
        });
        return w;
      }
      await transitionTx(tx, w, "CHECK", {
        actor: null,
        audit: { amlScore: aml.score, hits: aml.hits.map((h) => h.rule), margin },
      });
      await transitionTx(tx, w, "SUBMIT", { actor: null, audit: { requiredApprovals: w.requiredApprovals } });
      for (const c of largeValueCategories(amount.toNumber(), rule.crossBorder, false)) {
        await tx.largeValueReport.create({
          data: {
            refType: "Withdrawal",
            refId: w.id,
            accountId: input.accountId,
            amount: amount.toFixed(2),
            category: c.category,
            threshold: c.threshold,
            createdAt: new Date(nowMs),
          },
        });
      }
      return w;
    });
  } catch (err) {
    // Two submissions with the same key at the same moment: the loser returns the winner's row.
    if ((err as { code?: string }).code === "P2002") {
      const again = await prisma.withdrawal.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (again) return replay(again, input, amount);
    }
    throw err;
  }
}

function replay<T extends { accountId: string; amount: { toString(): string } }>(
  w: T,
  input: WithdrawalRequestInput,
  amount: Decimal,
): T {
  if (w.accountId !== input.accountId || !new Decimal(w.amount.toString()).equals(amount)) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different withdrawal.");
  }
  return w;
}

/** Console entry (RISK or MANAGER acting for the client, the maker): the account by id or by code. */
export async function requestConsoleWithdrawal(
  prisma: PrismaClient,
  input: Omit<WithdrawalRequestInput, "accountId" | "source"> & { accountId?: string; accountCode?: string },
  actor: Actor,
  deps: { nowMs?: number; accountRisk?: AccountRiskSource } = {},
) {
  const accountId =
    input.accountId ??
    (input.accountCode
      ? (await prisma.account.findUnique({ where: { code: input.accountCode.trim() }, select: { id: true } }))?.id
      : undefined);
  if (!accountId) throw new AppError("NOT_FOUND", `No account ${input.accountCode ?? ""}.`);
  return requestWithdrawal(prisma, { ...input, accountId, source: "CONSOLE" }, actor, deps);
}
