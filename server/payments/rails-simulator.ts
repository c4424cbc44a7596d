// P1 simulated payment rails: at each run (the plugin calls it at every minute close, or on a
// timer when the engine is off) approved withdrawals are sent, sent ones get the rail's answer
// once their channel's delay has passed, and pending deposits are confirmed. The answer is a
// deterministic function of the id (about 1 in 25 fail, 1 in 40 settled ones come back reversed)
// so a demo run is reproducible; tests call the same functions with explicit outcomes.
import crypto from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { CHANNEL_RULES, isChannel } from "./channels";
import { applyDepositOutcome, applyWithdrawalOutcome, sendWithdrawal } from "./settlement";
import { domainLog } from "../log";

const BATCH = 200;
const DEPOSIT_DELAY_MS = 2_000;

/** The simulated rail's reasons (a real bank's callback carries its own). */
export const SIM_FAIL_REASON = "Simulated rail: the beneficiary bank refused the credit.";
export const SIM_REVERSE_REASON = "Simulated rail: the beneficiary bank returned the settled payment.";

export function railAnswerFor(id: string): "SETTLE" | "FAIL" {
  return crypto.createHash("sha256").update(id).digest().readUInt32BE(0) % 25 === 0 ? "FAIL" : "SETTLE";
}
export function railReversesAfterSettle(id: string): boolean {
  return crypto.createHash("sha256").update(`rev:${id}`).digest().readUInt32BE(0) % 40 === 0;
}

export async function runRails(prisma: PrismaClient, nowMs = Date.now()) {
  const out = { sent: 0, settled: 0, failed: 0, reversed: 0, deposits: 0, errors: 0 };
  const note = (err: unknown) => {
    out.errors += 1;
    domainLog("payments").error({ err }, "rails");
  };
  const approved = await prisma.withdrawal.findMany({
    where: { status: "APPROVED" },
    select: { id: true },
    take: BATCH,
    orderBy: { updatedAt: "asc" },
  });
  for (const w of approved) await sendWithdrawal(prisma, w.id, nowMs).then(() => (out.sent += 1), note);

  const sent = await prisma.withdrawal.findMany({
    where: { status: "SENT" },
    select: { id: true, railRef: true, channel: true, sentAt: true },
    take: BATCH,
  });
  for (const w of sent) {
    const delay = isChannel(w.channel) ? CHANNEL_RULES[w.channel].railDelayMs : 5_000;
    if (!w.railRef || !w.sentAt || w.sentAt.getTime() + delay > nowMs) continue;
    const answer = railAnswerFor(w.id);
    await applyWithdrawalOutcome(
      prisma,
      w.railRef,
      answer,
      null,
      nowMs,
      answer === "FAIL" ? SIM_FAIL_REASON : undefined,
    ).then(() => (answer === "FAIL" ? (out.failed += 1) : (out.settled += 1)), note);
  }
  const settled = await prisma.withdrawal.findMany({
    where: { status: "SETTLED", settledAt: { gte: new Date(nowMs - 120_000), lte: new Date(nowMs - 10_000) } },
    select: { id: true, railRef: true },
    take: BATCH,
  });
  for (const w of settled) {
    if (w.railRef && railReversesAfterSettle(w.id))
      await applyWithdrawalOutcome(prisma, w.railRef, "REVERSE", null, nowMs, SIM_REVERSE_REASON).then(
        () => (out.reversed += 1),
        note,
      );
  }
  const deposits = await prisma.deposit.findMany({
    where: { status: "PENDING", createdAt: { lte: new Date(nowMs - DEPOSIT_DELAY_MS) } },
    select: { reference: true },
    take: BATCH,
  });
  for (const d of deposits)
    await applyDepositOutcome(prisma, d.reference, "CONFIRM", null, nowMs).then(() => (out.deposits += 1), note);
  return out;
}
