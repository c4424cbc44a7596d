// T1 Monte Carlo: reproducible from the seed, fat-tailed and volatility-clustered as GARCH-t must be.
import { describe, expect, it } from "vitest";
import { DEFAULT_MC_SPEC, generateMcPath } from "./monte-carlo";
import { createRng } from "./random";

const spec = (seed: number, steps = 5) => ({ ...DEFAULT_MC_SPEC, paths: 10, steps, seed });
const betas = Float64Array.of(0.7, 1, 1.3);

describe("Monte Carlo paths", () => {
  it("are the same for the same seed and path, different otherwise", () => {
    const a = generateMcPath(spec(42), 3, betas);
    const b = generateMcPath(spec(42), 3, betas);
    expect(b.indexReturns).toEqual(a.indexReturns);
    expect(b.symbolReturns.map((r) => [...r])).toEqual(a.symbolReturns.map((r) => [...r]));
    expect(generateMcPath(spec(43), 3, betas).indexReturns).not.toEqual(a.indexReturns);
    expect(generateMcPath(spec(42), 4, betas).indexReturns).not.toEqual(a.indexReturns);
  });

  it("Student-t(4) shocks have unit variance and fat tails (kurtosis well above the normal's 3)", () => {
    const rng = createRng(7);
    const n = 200_000;
    let m2 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i += 1) {
      const z = rng.studentT(4);
      m2 += z * z;
      m4 += z ** 4;
    }
    m2 /= n;
    m4 /= n;
    expect(m2).toBeGreaterThan(0.95);
    expect(m2).toBeLessThan(1.05);
    expect(m4 / (m2 * m2)).toBeGreaterThan(5);
  });

  it("cluster volatility: squared returns are positively autocorrelated over a long path", () => {
    const p = generateMcPath(
      { ...spec(11, 20_000), garch: { omega: 1e-5, alpha: 0.1, beta: 0.85, sigma0: 0.01 } },
      0,
      betas,
    );
    const sq = p.indexReturns.map((r) => Math.log1p(r) ** 2);
    const mean = sq.reduce((a, b) => a + b, 0) / sq.length;
    let num = 0;
    let den = 0;
    for (let i = 0; i < sq.length; i += 1) {
      den += ((sq[i] ?? 0) - mean) ** 2;
      if (i > 0) num += ((sq[i] ?? 0) - mean) * ((sq[i - 1] ?? 0) - mean);
    }
    expect(num / den).toBeGreaterThan(0.05);
    // Unconditional variance omega / (1 - alpha - beta) = 2e-4.
    const variance = sq.reduce((a, b) => a + b, 0) / sq.length;
    expect(variance).toBeGreaterThan(1.4e-4);
    expect(variance).toBeLessThan(2.8e-4);
  });
});
