// Demo data for surveillance (demo mode, first start): the linking attributes of every account
// (own device and phone; a wash pair sharing a device; households sharing an address; a declared
// related pair) and the fund movements (each account's own card; a ring of four funded from one
// card), and a pending withdrawal for each of the main bad actors, so a freeze has money to stop.
// The order flow itself comes from the minute loop (flow-generator.ts).
import type { PrismaClient } from "../db/generated/client";
import { applyDepositOutcome, createDeposit } from "../payments/settlement";
import { requestWithdrawal } from "../payments/withdrawal-request";
import { castFromAccounts } from "./order-flow/flow-generator";

export async function seedSurveillanceDemo(prisma: PrismaClient, opts: { now: number }): Promise<void> {
  const ids = (await prisma.account.findMany({ select: { id: true }, orderBy: { code: "asc" } })).map((a) => a.id);
  if (ids.length < 20) return;
  const cast = castFromAccounts(ids);
  const attrs: { accountId: string; kind: string; value: string }[] = [];
  ids.forEach((id, i) => {
    attrs.push({ accountId: id, kind: "DEVICE", value: `dev-${i.toString(36)}` });
    attrs.push({ accountId: id, kind: "PHONE", value: `138${String(10_000_000 + i * 7919).slice(-8)}` });
  });
  attrs.push({ accountId: cast.washPair[1], kind: "DEVICE", value: "dev-0" });
  attrs.push({ accountId: cast.washPair[0], kind: "IP", value: "116.228.40.17" });
  attrs.push({ accountId: cast.washPair[1], kind: "IP", value: "116.228.40.17" });
  attrs.push({ accountId: cast.related[0], kind: "RELATED", value: "family:Zhang" });
  attrs.push({ accountId: cast.related[1], kind: "RELATED", value: "family:Zhang" });
  // Ten households of two ordinary clients at one address: linked, but they behave normally.
  for (let h = 0; h < 10; h++) {
    const a = cast.normal[20 + 2 * h];
    const b = cast.normal[21 + 2 * h];
    if (!a || !b) break;
    attrs.push({ accountId: a, kind: "ADDRESS", value: `Shanghai, Xuhui, Lane ${100 + h}` });
    attrs.push({ accountId: b, kind: "ADDRESS", value: `Shanghai, Xuhui, Lane ${100 + h}` });
  }
  await prisma.accountAttribute.createMany({ data: attrs, skipDuplicates: true });

  const day = 86_400_000;
  const funds = ids
    .filter((id) => !cast.ring.includes(id))
    .map((id, i) => ({
      accountId: id,
      kind: "DEPOSIT",
      instrument: `6222 **** **** ${String(1000 + i).slice(-4)}-${i}`,
      amount: 50_000 + (i % 7) * 10_000,
      ts: new Date(opts.now - (3 + (i % 20)) * day),
    }));
  cast.ring.forEach((id, i) =>
    funds.push({
      accountId: id,
      kind: "DEPOSIT",
      instrument: "6217 **** **** 8842",
      amount: 200_000 + i * 15_000,
      ts: new Date(opts.now - (2 - i * 0.3) * day),
    }),
  );
  await prisma.fundMovement.createMany({ data: funds });

  // Pending withdrawals of the bad actors, through the payments services (funded ten days ago,
  // to a beneficiary whitelisted long ago, so they wait in the approvals queue).
  const actors = [cast.highFrequency, cast.washPair[0], cast.spoofer, cast.pusher];
  for (const [i, id] of actors.entries()) {
    const a = await prisma.account.findUniqueOrThrow({
      where: { id },
      select: { code: true, clientName: true, cash: true, debt: true },
    });
    const ref = `BANK-SURV-${a.code}`;
    const funding = Math.ceil((Math.max(0, Number(a.debt) - Number(a.cash)) + 200_000) / 10_000) * 10_000;
    await createDeposit(
      prisma,
      { accountId: id, amount: funding, channel: "BANK_TRANSFER", reference: ref, payerName: a.clientName },
      opts.now - 10 * day,
    );
    await applyDepositOutcome(prisma, ref, "CONFIRM", null, opts.now - 10 * day + 60_000);
    const bankAcct = `6222${a.code.replace(/\D/g, "").padStart(12, "0")}`;
    await prisma.beneficiary.createMany({
      data: [{ accountId: id, name: a.clientName, bankAcct, addedAt: new Date(opts.now - 60 * day) }],
      skipDuplicates: true,
    });
    await requestWithdrawal(
      prisma,
      {
        accountId: id,
        amount: 48_000 + i * 1_000,
        channel: "BANK_TRANSFER",
        beneficiaryName: a.clientName,
        beneficiaryAcct: bankAcct,
        idempotencyKey: `demo-surveillance-${a.code}`,
        source: "CLIENT",
      },
      null,
      { nowMs: opts.now - (i + 1) * 60_000 },
    );
  }
}
