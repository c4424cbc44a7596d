// Seeded random numbers for Monte Carlo (T1): xoshiro128** seeded by splitmix32, so the same seed
// gives the same paths on every machine and thread; normal by Box-Muller, Student-t as a normal over
// sqrt(chi-square / nu) with integer nu.
export interface Rng {
  next(): number; // uniform [0, 1)
  normal(): number;
  studentT(nu: number): number; // scaled to unit variance
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const sm = splitmix32(seed);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextU32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spare: number | null = null;
  const next = () => nextU32() / 4294967296;
  const normal = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const studentT = (nu: number) => {
    let chi = 0;
    for (let i = 0; i < nu; i += 1) {
      const g = normal();
      chi += g * g;
    }
    return (normal() / Math.sqrt(chi / nu)) * Math.sqrt((nu - 2) / nu);
  };
  return { next, normal, studentT };
}
