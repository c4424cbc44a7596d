// The one seeded pseudo-random generator: the market simulator (which must replay exactly for a
// seed: tests, drills, decision replay), the demo data and the Monte Carlo runs all draw from it,
// so the same seed gives the same stream on every machine and Node version, which Math.random
// cannot promise. sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state, passes
// PractRand, 32-bit integer ops only (cheap at hundreds of symbols per second), seeded through
// splitmix32 so nearby seeds (1, 2, 3...) start from unrelated states.

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [lo, hi], both ends included; lo and hi must be integers. */
  int(lo: number, hi: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** exp(N(ln median, sigma^2)): a lognormal with the given median. */
  logNormal(median: number, sigma: number): number;
  /** Poisson count with the given mean (0 for a mean <= 0). */
  poisson(mean: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pickOne<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  pickWeightedIndex(weights: readonly number[]): number;
  /** Fisher-Yates in place; returns the same array. */
  shuffleInPlace<T>(items: T[]): T[];
}

const UINT32 = 2 ** 32;

function createSplitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// Folds any finite number (negative, > 2^32, fractional) into 32 bits so distinct seeds stay
// distinct; a seed in [0, 2^32) is used as it is.
function foldSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`prng seed must be finite, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / UINT32) >>> 0;
  const frac = Math.floor((seed - whole) * UINT32) >>> 0;
  return (low ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(frac, 0x85ebca77)) >>> 0;
}

export function createPrng(seed: number): Prng {
  const mix = createSplitMix32(foldSeed(seed));
  let a = mix();
  let b = mix();
  let c = mix();
  // d is sfc32's counter: it steps by one per draw, so every state lies on a cycle of at least
  // 2^32 draws whatever its starting value.
  let d = mix();
  let spareNormal: number | null = null;

  function nextUint32(): number {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  }

  // Discard the first outputs, as the reference implementation does, so the state is well mixed.
  for (let i = 0; i < 12; i += 1) nextUint32();

  const next = (): number => nextUint32() / UINT32;

  const normal = (): number => {
    // Box-Muller yields normals in pairs; the spare makes every other call free of log and sqrt.
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    const u = 1 - next(); // (0, 1], so the log is finite
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };

  const prng: Prng = {
    next,
    normal,
    int(lo, hi) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new RangeError(`int(lo, hi) needs integers with lo <= hi, got ${lo}, ${hi}`);
      }
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    uniform(lo, hi) {
      return lo + next() * (hi - lo);
    },
    logNormal(median, sigma) {
      return median * Math.exp(sigma * normal());
    },
    poisson(mean) {
      if (!(mean > 0)) return 0;
      if (mean > 30) {
        // Knuth's product method needs ~mean uniforms and underflows exp(-mean); the simulator
        // only asks for small means, so a rounded normal approximation is enough above this.
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      }
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
    chance(p) {
      return next() < p;
    },
    pickOne(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pickOne: empty list");
      return item;
    },
    pickWeightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new RangeError("pickWeightedIndex: weights must sum to a positive number");
      let target = next() * total;
      for (const [i, w] of weights.entries()) {
        target -= w;
        if (target < 0) return i;
      }
      // Rounding can leave target at ~0 after the last weight: fall back to the last positive one.
      return weights.findLastIndex((w) => w > 0);
    },
    shuffleInPlace(items) {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        // i and j are in range, so the casts only drop noUncheckedIndexedAccess's undefined.
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
  };
  return prng;
}

/**
 * A seed for an independent stream named `label` (FNV-1a over the label, mixed with the seed),
 * so e.g. the accounts stream does not shift when the symbol count changes.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ foldSeed(seed);
  for (let i = 0; i < label.length; i += 1) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h >>> 0;
}
