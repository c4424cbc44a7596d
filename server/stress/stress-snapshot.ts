// The snapshot a run starts from (T2): the risk engine's live book at its last bar close (the same
// columnar book, prices, volatilities and margin overrides the minute tick used), the symbols'
// sector, beta, lot size and suspension from the database, the parameters in force and the live
// balances of the loss waterfall's layers. Copies, never the engine's own arrays.
import crypto from "node:crypto";
import { getLiveEngine, type RiskReadDeps } from "../risk/live-book";
import { readWaterfall } from "../liquidation/waterfall-ledger";
import { DEFAULT_PLANNER_PARAMS } from "../liquidation/planner/planner-params";
import { AppError } from "../errors";
import type { StressBook } from "./stress-book";

export async function takeStressSnapshot(deps: RiskReadDeps): Promise<StressBook> {
  const engine = await getLiveEngine(deps);
  const live = engine.liveFigures();
  if (!live)
    throw new AppError(
      "PRECONDITION_FAILED",
      "The risk engine has not closed a bar yet; try again after the next minute.",
    );
  const { version, params } = engine.currentParams();
  const { book } = live;
  const rows = await deps.prisma.symbol.findMany({
    select: { code: true, sector: true, beta: true, lotSize: true, suspended: true },
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const n = book.symbols.length;
  const sector: string[] = [];
  const beta = new Float64Array(n);
  const lotSize = new Int32Array(n);
  const suspended = new Uint8Array(n);
  book.symbols.forEach((code, s) => {
    const r = byCode.get(code);
    sector.push(r?.sector ?? "");
    beta[s] = r?.beta ?? 1;
    lotSize[s] = r?.lotSize ?? 100;
    suspended[s] = r?.suspended ? 1 : 0;
  });
  // max(0, .): an unfunded layer reads -0 (a negated empty sum), and a layer cannot absorb below zero.
  const layers = new Map((await readWaterfall(deps.prisma)).map((l) => [l.layer, Math.max(0, l.balance)] as const));
  return {
    book: { ...book, cash: book.cash.slice(), debt: book.debt.slice(), posQty: book.posQty.slice() },
    prices: live.prices.slice(),
    sigmas: live.sigmas.slice(),
    multipliers: live.multipliers.slice(),
    sector,
    beta,
    lotSize,
    suspended,
    params,
    planner: params.liquidation ?? DEFAULT_PLANNER_PARAMS,
    paramVersion: version,
    asOfMinute: live.minuteTs,
    waterfall: {
      RISK_CAPITAL: layers.get("RISK_CAPITAL") ?? 0,
      GUARANTEE_FUND: layers.get("GUARANTEE_FUND") ?? 0,
      JUNIOR_TRANCHE: layers.get("JUNIOR_TRANCHE") ?? 0,
      SENIOR_TRANCHE: layers.get("SENIOR_TRANCHE") ?? 0,
    },
  };
}

/** sha256 of what the run reads (positions, balances, prices, parameter version): two runs with the same digest saw the same book. */
export function digestStressBook(sb: StressBook): string {
  const h = crypto.createHash("sha256");
  const arrays = [sb.book.cash, sb.book.debt, sb.book.posQty, sb.prices, sb.sigmas, sb.book.posStart, sb.book.posSym];
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  h.update(JSON.stringify([sb.book.accountIds.length, sb.book.symbols, sb.paramVersion, sb.waterfall]));
  return h.digest("hex");
}
