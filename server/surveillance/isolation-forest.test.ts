// S4 isolation forest: c(n) against the paper's formula worked by hand, planted outliers ranked
// above normal accounts (and by how much), and reproducibility with a seed.
import { describe, expect, it } from "vitest";
import { averagePathLength, mulberry32, scoreIsolation, trainIsolationForest } from "./isolation-forest";

/** n standard-normal rows of `dims` features (Box-Muller on the seeded PRNG). */
function normalRows(n: number, dims: number, seed: number): number[][] {
  const r = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Array.from({ length: n }, () => Array.from({ length: dims }, gauss));
}

describe("isolation forest", () => {
  it("c(n): c(2) = 1; c(256) = 2 (ln 255 + 0.5772157) - 2 * 255 / 256 = 10.2447699", () => {
    // ln 255 = 5.5412635; 2 * (5.5412635 + 0.5772157) = 12.2369584; minus 1.9921875 = 10.2447709
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(256)).toBeCloseTo(10.24477, 4);
  });

  // 2,000 normal accounts in 5 features, 10 planted outliers 6 to 8 standard deviations out in two
  // features (the shape of a bad actor: a high-frequency account has both a high order rate and a
  // high cancel ratio). Outliers far out in only one of five features score ~0.49-0.66 and half of
  // them stay below the normal p99: an axis-parallel forest needs the split on that feature.
  const normals = normalRows(2000, 5, 11);
  const outliers = Array.from({ length: 10 }, (_, i) => {
    const row = normalRows(1, 5, 100 + i)[0] ?? [];
    row[i % 5] = 6 + (i % 3);
    row[(i + 2) % 5] = i % 2 ? -6 : 6;
    return row;
  });
  const rows = [...normals, ...outliers];

  it("every planted outlier scores above the 99th percentile of normal accounts", () => {
    const forest = trainIsolationForest(rows, { seed: 42 });
    const normalScores = normals.map((x) => scoreIsolation(forest, x)).sort((a, b) => a - b);
    const outlierScores = outliers.map((x) => scoreIsolation(forest, x));
    const p99 = normalScores[Math.floor(0.99 * normalScores.length)] ?? 1;
    const median = normalScores[Math.floor(0.5 * normalScores.length)] ?? 1;
    const minOutlier = Math.min(...outlierScores);
    // Measured with seed 42: normal median 0.424, p99 0.557, lowest outlier 0.585, highest 0.727.
    expect(minOutlier).toBeGreaterThan(p99);
    expect(minOutlier - median).toBeGreaterThan(0.15);
    // Rank: the 10 outliers are within the top 1% (20 of 2,010) of all scores.
    const all = rows.map((x) => scoreIsolation(forest, x)).sort((a, b) => b - a);
    expect(minOutlier).toBeGreaterThanOrEqual(all[19] ?? 1);
  });

  it("the same seed gives the same scores; another seed gives other trees", () => {
    const a = trainIsolationForest(rows, { seed: 7 });
    const b = trainIsolationForest(rows, { seed: 7 });
    const c = trainIsolationForest(rows, { seed: 8 });
    const probe = rows.slice(0, 50);
    expect(probe.map((x) => scoreIsolation(a, x))).toEqual(probe.map((x) => scoreIsolation(b, x)));
    expect(probe.map((x) => scoreIsolation(a, x))).not.toEqual(probe.map((x) => scoreIsolation(c, x)));
  });

  it("identical points cannot be split: every score is the same", () => {
    const same = Array.from({ length: 50 }, () => [1, 2, 3]);
    const f = trainIsolationForest(same, { seed: 1, trees: 10 });
    expect(new Set(same.map((x) => scoreIsolation(f, x))).size).toBe(1);
  });
});
