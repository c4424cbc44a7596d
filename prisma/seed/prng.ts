// Seeded pseudo-random numbers for demo data: the same seed gives the same book on every
// machine and Node version, which Math.random cannot promise. sfc32 (Chris Doty-Humphrey's
// Small Fast Counter) seeded through splitmix32; fast, 128-bit state, passes PractRand.

export interface Prng {
  /** Uniform in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [min, max], both inclusive. */
  nextInt(min: number, max: number): number;
  /** Uniform in [min, max). */
  nextUniform(min: number, max: number): number;
  /** Standard normal N(0, 1). */
  nextNormal(): number;
  /** exp(N(ln median, sigma^2)): a lognormal with the given median. */
  nextLogNormal(median: number, sigma: number): number;
  /** true with probability p. */
  testChance(p: number): boolean;
  pickOne<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  pickWeightedIndex(weights: readonly number[]): number;
  /** Fisher-Yates in place; returns the same array. */
  shuffleInPlace<T>(items: T[]): T[];
}

const UINT32 = 2 ** 32;

// splitmix32: spreads nearby seeds (1, 2, 3...) into unrelated sfc32 states.
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

// Folds any finite number (negative, > 2^32, fractional) into 32 bits so distinct seeds stay distinct.
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

  // Discard the first outputs: sfc32's authors advise it so the state is well mixed.
  for (let i = 0; i < 12; i += 1) nextUint32();

  const nextFloat = (): number => nextUint32() / UINT32;

  const prng: Prng = {
    nextFloat,
    nextInt(min, max) {
      if (max < min) throw new RangeError(`nextInt: max ${max} < min ${min}`);
      return min + Math.floor(nextFloat() * (max - min + 1));
    },
    nextUniform(min, max) {
      return min + nextFloat() * (max - min);
    },
    nextNormal() {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return z;
      }
      // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
      const u = 1 - nextFloat();
      const v = nextFloat();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    nextLogNormal(median, sigma) {
      return median * Math.exp(sigma * prng.nextNormal());
    },
    testChance(p) {
      return nextFloat() < p;
    },
    pickOne(items) {
      const item = items[Math.floor(nextFloat() * items.length)];
      if (item === undefined) throw new RangeError("pickOne: empty list");
      return item;
    },
    pickWeightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new RangeError("pickWeightedIndex: weights must sum to a positive number");
      let target = nextFloat() * total;
      for (let i = 0; i < weights.length; i += 1) {
        target -= weights[i] ?? 0;
        if (target < 0) return i;
      }
      // Rounding can leave target at ~0 after the last weight: fall back to the last positive one.
      for (let i = weights.length - 1; i >= 0; i -= 1) if ((weights[i] ?? 0) > 0) return i;
      return weights.length - 1;
    },
    shuffleInPlace(items) {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(nextFloat() * (i + 1));
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
