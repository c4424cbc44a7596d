// Demo mode: funding sources of every kind (with a backup chain), two tranche products (1 : 3 and
// 1 : 2.5, which fund the waterfall's tranche layers), the liquidity and overnight pools, a default
// credit limit per client and default concentration limits per symbol and sector, one per source.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { postEntryTx } from "../ledger/ledger-service";
import { poolFundingEntry, type PoolAccount } from "./funding-entries";
import { DEFAULT_KEY } from "./lending-service";
import { createTrancheProduct } from "./tranche-service";

const DAY = 86_400_000;

export async function seedFundingDemo(prisma: PrismaClient, opts: { now: number }): Promise<void> {
  if ((await prisma.fundingSource.count()) > 0) return;
  const at = (days: number) => new Date(opts.now + days * DAY);
  await prisma.fundingSource.createMany({
    data: [
      {
        code: "BANK-CL-1",
        name: "Bank credit line (ICBC)",
        kind: "BANK_CREDIT",
        limitAmount: "500000000",
        drawn: "310000000",
        costRate: 0.038,
        spikeRate: 0.06,
        maturityDate: at(5),
        priority: 1,
        backupCode: "INST-1",
      },
      {
        code: "INST-1",
        name: "Institutional placement (trust)",
        kind: "INSTITUTIONAL",
        limitAmount: "300000000",
        drawn: "120000000",
        costRate: 0.055,
        spikeRate: 0.08,
        maturityDate: at(25),
        priority: 2,
        backupCode: "RETAIL-1",
      },
      {
        code: "RETAIL-1",
        name: "Retail pool",
        kind: "RETAIL_POOL",
        limitAmount: "150000000",
        drawn: "60000000",
        costRate: 0.065,
        spikeRate: 0.09,
        maturityDate: at(80),
        priority: 3,
        backupCode: "OWN",
      },
      {
        code: "OWN",
        name: "Own capital",
        kind: "OWN_CAPITAL",
        limitAmount: "200000000",
        drawn: "40000000",
        costRate: 0.08,
        spikeRate: 0.2,
        maturityDate: at(3650),
        priority: 4,
        backupCode: null,
      },
    ],
  });
  await prisma.concentrationLimit.createMany({
    data: [
      { scope: "SYMBOL", key: DEFAULT_KEY, maxAmount: "50000000" },
      // C3: the least liquid third of symbols (liquidity tier T3, mostly small caps) lend a fifth as much.
      { scope: "SYMBOL", key: "TIER:T3", maxAmount: "10000000" },
      { scope: "SECTOR", key: DEFAULT_KEY, maxAmount: "300000000" },
      { scope: "SOURCE", key: "BANK-CL-1", maxAmount: "450000000" },
      { scope: "SOURCE", key: "INST-1", maxAmount: "300000000" },
    ],
  });
  await prisma.creditLimit.create({ data: { accountId: DEFAULT_KEY, limitAmount: "5000000" } });
  await createTrancheProduct(prisma, null, {
    code: "UT-A",
    name: "Umbrella trust A (1:3)",
    total: 80_000_000,
    ratio: 3,
    juniorYield: 0.12,
    seniorYield: 0.065,
  });
  await createTrancheProduct(prisma, null, {
    code: "UT-B",
    name: "Umbrella trust B (1:2.5)",
    total: 35_000_000,
    ratio: 2.5,
    juniorYield: 0.11,
    seniorYield: 0.062,
  });
  await prisma.$transaction(async (tx) => {
    const pools: [PoolAccount, number][] = [
      ["LIQUIDITY_POOL", 60_000_000],
      ["OVERNIGHT_POOL", 20_000_000],
    ];
    for (const [pool, amount] of pools)
      await postEntryTx(tx, poolFundingEntry(pool, new Decimal(amount)), {
        refType: "Pool",
        refId: pool,
        idempotencyKey: `pool:funding:${pool}`,
        memo: "demo funding",
      });
  });
}
