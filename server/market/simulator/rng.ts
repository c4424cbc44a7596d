// Seeded pseudo-random numbers for the market simulator (M2). The simulator must replay exactly
// for a seed (tests, drills, decision replay), so nothing here reads Math.random or the clock.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal, mean 0 and variance 1. */
  normal(): number;
  /** Uniform integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number;
  /** Poisson count with the given mean (0 for a mean <= 0). */
  poisson(mean: number): number;
}

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads a small or patterned seed over the whole state before sfc32 starts. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand,
 * and runs on 32-bit integer ops only, which keeps it cheap at hundreds of symbols per second.
 */
export function createRng(seed: number): Rng {
  const mix = { s: Math.trunc(seed) | 0 };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = splitmix32(mix) | 1; // a non-zero counter keeps the cycle long for every seed

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32(); // warm-up, as the reference implementation does

  // Box-Muller yields normals in pairs; the spare is kept so every other call costs no log/sqrt.
  let spare: number | undefined;

  const next = (): number => nextUint32() / TWO_POW_32;

  const normal = (): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u1 = 1 - next(); // (0, 1], so the log is finite
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const int = (lo: number, hi: number): number => {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`int(lo, hi) needs integers with lo <= hi, got ${lo}, ${hi}`);
    }
    return lo + Math.floor(next() * (hi - lo + 1));
  };

  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean > 30) {
      // Knuth's product method needs ~mean uniforms and underflows exp(-mean); the simulator only
      // asks for small means, so a rounded normal approximation is enough above this point.
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = next();
    while (p > limit) {
      k++;
      p *= next();
    }
    return k;
  };

  return { next, normal, int, poisson };
}
