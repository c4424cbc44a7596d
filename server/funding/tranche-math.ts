// F1 tranche products (structured like the umbrella trusts margin lenders used): each product has a
// junior (subordinated) and a senior (priority) tranche, sized junior : senior = 1 : ratio (e.g. 1 : 2.5
// or 1 : 3). In the R8 waterfall the junior layer absorbs losses before the senior one; across
// products each layer's loss is shared pro rata to the products' tranche sizes. Amounts are decimals
// rounded to the fen; the pro-rata split hands the leftover fen to the largest remainders so the
// shares always add up to the layer's loss.
import Decimal from "decimal.js";

export interface TrancheSizes {
  junior: Decimal;
  senior: Decimal;
}

/** Splits a product's total size: junior = total / (1 + ratio) (rounded down to the fen), senior the rest. */
export function splitTranche(total: Decimal.Value, ratio: number): TrancheSizes {
  if (!(ratio > 0)) throw new RangeError("the senior : junior ratio must be > 0");
  const t = new Decimal(total);
  if (!t.isFinite() || t.isNeg()) throw new RangeError("the product size must be >= 0");
  const junior = t.div(1 + ratio).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return { junior, senior: t.toDecimalPlaces(2).minus(junior) };
}

/** Splits `amount` pro rata to `weights`, in fen, largest remainder first (ties: lower index). */
export function proRataFen(amount: Decimal, weights: readonly Decimal[]): Decimal[] {
  const total = weights.reduce((a, w) => a.plus(w), new Decimal(0));
  const fen = amount.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (total.isZero()) return weights.map(() => new Decimal(0));
  const exact = weights.map((w) => fen.mul(w).div(total));
  const floors = exact.map((e) => e.floor());
  let left = fen.minus(floors.reduce((a, f) => a.plus(f), new Decimal(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, r: e.minus(floors[i] as Decimal) }))
    .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    floors[o.i] = (floors[o.i] as Decimal).plus(1);
    left--;
  }
  return floors.map((f) => f.div(100));
}

export interface ProductBalance {
  id: string;
  junior: Decimal; // what the junior tranche can still absorb
  senior: Decimal;
}

export interface ProductLoss {
  id: string;
  junior: Decimal;
  senior: Decimal;
}

/**
 * Shares the losses the waterfall booked to the junior and senior layers among the products.
 * A layer's loss beyond the products' balance is refused (the waterfall never books more than the
 * layer holds).
 */
export function allocateTrancheLoss(
  products: readonly ProductBalance[],
  juniorLoss: Decimal.Value,
  seniorLoss: Decimal.Value,
): ProductLoss[] {
  const jl = new Decimal(juniorLoss);
  const sl = new Decimal(seniorLoss);
  const jt = products.reduce((a, p) => a.plus(p.junior), new Decimal(0));
  const st = products.reduce((a, p) => a.plus(p.senior), new Decimal(0));
  if (jl.gt(jt) || sl.gt(st)) throw new RangeError("a layer's loss exceeds what its tranches hold");
  const j = proRataFen(
    jl,
    products.map((p) => p.junior),
  );
  const s = proRataFen(
    sl,
    products.map((p) => p.senior),
  );
  return products.map((p, i) => ({ id: p.id, junior: j[i] as Decimal, senior: s[i] as Decimal }));
}

/** One product on its own: the junior tranche first, then the senior; what both cannot hold is unabsorbed. */
export function absorbInProduct(p: TrancheSizes, loss: Decimal.Value) {
  const l = new Decimal(loss).toDecimalPlaces(2, Decimal.ROUND_UP);
  const junior = Decimal.min(l, p.junior);
  const senior = Decimal.min(l.minus(junior), p.senior);
  return { junior, senior, unabsorbed: l.minus(junior).minus(senior) };
}
