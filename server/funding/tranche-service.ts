// F1 tranche products in the ledger: creating a product funds the R8 waterfall's JUNIOR_TRANCHE and
// SENIOR_TRANCHE layers with its two tranches (the waterfall's own layerFundingEntry, referring to
// the product), so the waterfall's tranche layers are exactly the products' tranches. Each product's
// share of the losses the waterfall booked to a layer is pro rata to its tranche size.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { postEntryTx } from "../ledger/ledger-service";
import { layerFundingEntry, readWaterfall } from "../liquidation/waterfall-ledger";
import { allocateTrancheLoss, splitTranche } from "./tranche-math";
import type { Actor } from "./source-service";

export interface NewTrancheProduct {
  code: string;
  name: string;
  total: number;
  ratio: number;
  juniorYield: number;
  seniorYield: number;
}

export async function createTrancheProduct(prisma: PrismaClient, actor: Actor | null, p: NewTrancheProduct) {
  const sizes = splitTranche(p.total, p.ratio);
  return prisma.$transaction(async (tx) => {
    const row = await tx.trancheProduct.create({
      data: {
        code: p.code,
        name: p.name,
        ratio: p.ratio,
        juniorSize: sizes.junior.toFixed(2),
        seniorSize: sizes.senior.toFixed(2),
        juniorYield: p.juniorYield,
        seniorYield: p.seniorYield,
      },
    });
    const ref = { refType: "TrancheProduct", refId: row.id };
    await postEntryTx(tx, layerFundingEntry("JUNIOR_TRANCHE", sizes.junior), {
      ...ref,
      idempotencyKey: `tranche:${row.code}:junior`,
    });
    await postEntryTx(tx, layerFundingEntry("SENIOR_TRANCHE", sizes.senior), {
      ...ref,
      idempotencyKey: `tranche:${row.code}:senior`,
    });
    await appendAuditEventTx(tx, {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? "system:funding",
      action: "funding.tranche.create",
      targetType: "TrancheProduct",
      targetId: row.id,
      after: { code: row.code, ratio: p.ratio, junior: sizes.junior.toNumber(), senior: sizes.senior.toNumber() },
    });
    return row;
  });
}

/** Products with their tranches, the losses the waterfall booked to each (pro rata) and what is left. */
export async function listTranches(prisma: PrismaClient) {
  const [products, layers] = await Promise.all([
    prisma.trancheProduct.findMany({ orderBy: { code: "asc" } }),
    readWaterfall(prisma),
  ]);
  const absorbed = (layer: string) => layers.find((l) => l.layer === layer)?.absorbed ?? 0;
  const juniorLoss = absorbed("JUNIOR_TRANCHE");
  const seniorLoss = absorbed("SENIOR_TRANCHE");
  const sized = products.map((p) => ({
    id: p.id,
    junior: new Decimal(p.juniorSize.toString()),
    senior: new Decimal(p.seniorSize.toString()),
  }));
  const juniorTotal = sized.reduce((a, p) => a.plus(p.junior), new Decimal(0));
  const seniorTotal = sized.reduce((a, p) => a.plus(p.senior), new Decimal(0));
  // The layers may also hold money that is not from a product (e.g. funded before products existed):
  // only the products' share of a layer's loss is allocated to them.
  const layerFunded = (layer: string) => layers.find((l) => l.layer === layer)?.funded ?? 0;
  const share = (loss: number, total: Decimal, funded: number) =>
    funded > 0 ? Decimal.min(total, new Decimal(loss).mul(total).div(funded).toDecimalPlaces(2)) : new Decimal(0);
  const losses = allocateTrancheLoss(
    sized,
    share(juniorLoss, juniorTotal, layerFunded("JUNIOR_TRANCHE")),
    share(seniorLoss, seniorTotal, layerFunded("SENIOR_TRANCHE")),
  );
  return {
    layers: layers.filter((l) => l.layer === "JUNIOR_TRANCHE" || l.layer === "SENIOR_TRANCHE"),
    products: products.map((p, i) => {
      const l = losses[i] ?? { junior: new Decimal(0), senior: new Decimal(0) };
      return {
        id: p.id,
        code: p.code,
        name: p.name,
        ratio: p.ratio,
        juniorSize: Number(p.juniorSize),
        seniorSize: Number(p.seniorSize),
        juniorLoss: l.junior.toNumber(),
        seniorLoss: l.senior.toNumber(),
        juniorYield: p.juniorYield,
        seniorYield: p.seniorYield,
      };
    }),
  };
}
