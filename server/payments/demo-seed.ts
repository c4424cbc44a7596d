// Demo data for payments (demo mode, first start, after the core book): ledger opening balances
// for every account (batched), client logins and whitelisted beneficiaries, deposits of today,
// and pending withdrawals of every kind (clean, over the KYC limit, geo jump, structuring, new
// beneficiary, chargeback history, large two-approver ones), each through the real services.
import type { PrismaClient } from "../db/generated/client";
import { postOpeningBalances } from "../ledger/ledger-service";
import type { Channel } from "./channels";
import { applyDepositOutcome, createDeposit } from "./settlement";
import { requestWithdrawal } from "./withdrawal-request";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const SHANGHAI_IP = "58.246.10.";
const URUMQI_IP = "125.64.20.7";

interface Scenario {
  label: string;
  kyc?: number;
  amount: number;
  channel?: Channel;
  ip?: string;
  newDevice?: boolean;
  newBeneficiary?: boolean;
  priorBand?: number[]; // earlier deposits this week (structuring)
  chargeback?: boolean;
}

const SCENARIOS: Scenario[] = [
  { label: "clean", amount: 12_000 },
  { label: "clean", amount: 36_500, channel: "QUICK_PAY" },
  { label: "clean", amount: 88_000 },
  { label: "clean", amount: 150_000, channel: "ACH" },
  { label: "clean", amount: 21_000, channel: "THIRD_PARTY" },
  { label: "clean", amount: 64_000 },
  { label: "over-limit", kyc: 1, amount: 80_000 },
  { label: "geo-jump", amount: 45_000, ip: URUMQI_IP, newDevice: true },
  { label: "structuring", amount: 49_000, priorBand: [48_500, 47_900] },
  { label: "new-beneficiary", amount: 30_000, newBeneficiary: true },
  { label: "chargeback", amount: 26_000, chargeback: true },
  { label: "large", kyc: 3, amount: 1_200_000 },
  { label: "large", kyc: 3, amount: 1_650_000, channel: "SWIFT" },
  { label: "cross-border", kyc: 3, amount: 260_000, channel: "SWIFT" },
];

export async function seedPaymentsDemo(prisma: PrismaClient, opts: { seed: number; now: number }) {
  const { now } = opts;
  await postOpeningBalances(prisma);
  const accounts = await prisma.account.findMany({
    orderBy: { code: "asc" },
    take: 400,
    select: { id: true, code: true, kycLevel: true, cash: true, debt: true, clientName: true },
  });
  // Logins (Shanghai, one device each) and a whitelisted beneficiary added a month ago.
  await prisma.clientLogin.createMany({
    data: accounts.flatMap((a, i) =>
      [3, 2, 1].map((h) => ({
        accountId: a.id,
        ts: new Date(now - h * 60 * MIN - i * 1000),
        ip: `${SHANGHAI_IP}${(i % 200) + 1}`,
        deviceId: `dev-${a.code}`,
      })),
    ),
  });
  await prisma.beneficiary.createMany({
    data: accounts.map((a) => ({
      accountId: a.id,
      name: a.clientName,
      bankAcct: `6222${a.code.replace(/\D/g, "").padStart(12, "0")}`,
      addedAt: new Date(now - 30 * DAY),
    })),
  });
  // Today's deposits (confirmed, plus two still on the rails).
  for (let i = 0; i < 24; i++) {
    const a = accounts[(i * 13) % accounts.length];
    if (!a) continue;
    const reference = `BANK-DEP-${String(opts.seed).padStart(3, "0")}-${String(i).padStart(4, "0")}`;
    const amount = 5_000 + ((i * 7919) % 95) * 1_000;
    await createDeposit(
      prisma,
      {
        accountId: a.id,
        amount,
        channel: i % 3 === 0 ? "QUICK_PAY" : "BANK_TRANSFER",
        reference,
        payerName: a.clientName,
      },
      now - (300 - i * 10) * 1000,
    );
    if (i < 22) await applyDepositOutcome(prisma, reference, "CONFIRM", null, now - (295 - i * 10) * 1000);
  }
  const used = new Set<string>();
  const pick = (kyc?: number) => {
    const a =
      accounts.find(
        (x, i) => i >= 100 && !used.has(x.id) && (kyc === undefined ? x.kycLevel >= 2 : x.kycLevel === kyc),
      ) ?? accounts.find((x) => !used.has(x.id));
    if (a) used.add(a.id);
    return a;
  };
  let n = 0;
  for (const s of SCENARIOS) {
    const a = pick(s.kyc);
    if (!a) break;
    n += 1;
    // Funding ten days ago (outside every rule window) so the conservative margin check passes.
    const need = Math.max(0, Number(a.debt) - Number(a.cash)) + s.amount * 1.5 + 20_000;
    const funding = Math.ceil(need / 10_000) * 10_000;
    const fundRef = `BANK-FUND-${a.code}`;
    await createDeposit(
      prisma,
      { accountId: a.id, amount: funding, channel: "BANK_TRANSFER", reference: fundRef, payerName: a.clientName },
      now - 10 * DAY,
    );
    await applyDepositOutcome(prisma, fundRef, "CONFIRM", null, now - 10 * DAY + MIN);
    for (const [j, amt] of (s.priorBand ?? []).entries()) {
      const ref = `BANK-STR-${a.code}-${j}`;
      await createDeposit(
        prisma,
        { accountId: a.id, amount: amt, channel: "BANK_TRANSFER", reference: ref, payerName: a.clientName, cash: true },
        now - (j + 2) * DAY,
      );
      await applyDepositOutcome(prisma, ref, "CONFIRM", null, now - (j + 2) * DAY + MIN);
    }
    if (s.chargeback) {
      const ref = `BANK-CB-${a.code}`;
      await createDeposit(
        prisma,
        { accountId: a.id, amount: 9_000, channel: "THIRD_PARTY", reference: ref, payerName: a.clientName },
        now - 40 * DAY,
      );
      await applyDepositOutcome(prisma, ref, "CONFIRM", null, now - 40 * DAY + MIN);
      await applyDepositOutcome(prisma, ref, "REVERSE", null, now - 35 * DAY);
    }
    const acct = s.newBeneficiary
      ? `6228${String(900_000_000_000 + n)}`
      : `6222${a.code.replace(/\D/g, "").padStart(12, "0")}`;
    await requestWithdrawal(
      prisma,
      {
        accountId: a.id,
        amount: s.amount,
        channel: s.channel ?? "BANK_TRANSFER",
        beneficiaryName: a.clientName,
        beneficiaryAcct: acct,
        idempotencyKey: `demo-${s.label}-${a.code}`,
        ip: s.ip ?? `${SHANGHAI_IP}9`,
        deviceId: s.newDevice ? `dev-unknown-${n}` : `dev-${a.code}`,
        source: "CLIENT",
      },
      null,
      { nowMs: now - (n * 3 + 1) * MIN },
    );
  }
}
