// S4 anomaly score: an isolation forest (Liu, Ting and Zhou, ICDM 2008). Each tree isolates points
// by random axis-parallel splits on a subsample of psi points; anomalies are isolated in fewer
// splits. Score s(x) = 2^(-E[h(x)] / c(psi)), c(n) = 2 H(n - 1) - 2 (n - 1) / n, H(i) ~ ln i + gamma;
// s near 1 is anomalous, well below 0.5 normal. Deterministic given the seed (mulberry32 PRNG).
// Written here rather than taken from npm: the packages seen were unseeded (Math.random).

export interface ForestOptions {
  trees?: number;
  sampleSize?: number;
  seed?: number;
}

type Node = { leaf: true; size: number } | { leaf: false; feature: number; split: number; left: Node; right: Node };

export interface IsolationForest {
  trees: Node[];
  sampleSize: number;
  features: number;
}

const EULER_GAMMA = 0.5772156649015329;

/** Average path length of an unsuccessful BST search among n points (the paper's c(n)). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildTree(rows: readonly number[][], depth: number, limit: number, rand: () => number, dims: number): Node {
  if (depth >= limit || rows.length <= 1) return { leaf: true, size: rows.length };
  // Pick among features that still vary in this node; a node of identical points is a leaf.
  const candidates: [number, number, number][] = [];
  for (let f = 0; f < dims; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const v = r[f] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi > lo) candidates.push([f, lo, hi]);
  }
  if (candidates.length === 0) return { leaf: true, size: rows.length };
  const [feature, lo, hi] = candidates[Math.floor(rand() * candidates.length)] ?? [0, 0, 0];
  const split = lo + rand() * (hi - lo);
  const left = rows.filter((r) => (r[feature] ?? 0) < split);
  const right = rows.filter((r) => (r[feature] ?? 0) >= split);
  return {
    leaf: false,
    feature,
    split,
    left: buildTree(left, depth + 1, limit, rand, dims),
    right: buildTree(right, depth + 1, limit, rand, dims),
  };
}

export function trainIsolationForest(rows: readonly number[][], opts: ForestOptions = {}): IsolationForest {
  const trees = opts.trees ?? 100;
  const sampleSize = Math.min(opts.sampleSize ?? 256, rows.length);
  const rand = mulberry32(opts.seed ?? 1);
  const dims = rows[0]?.length ?? 0;
  const limit = Math.ceil(Math.log2(Math.max(2, sampleSize)));
  const out: Node[] = [];
  for (let t = 0; t < trees; t++) {
    // Subsample without replacement (partial Fisher-Yates on an index array).
    const idx = rows.map((_, i) => i);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + Math.floor(rand() * (idx.length - i));
      const tmp = idx[i] ?? 0;
      idx[i] = idx[j] ?? 0;
      idx[j] = tmp;
    }
    const sample = idx.slice(0, sampleSize).map((i) => rows[i] ?? []);
    out.push(buildTree(sample, 0, limit, rand, dims));
  }
  return { trees: out, sampleSize, features: dims };
}

function pathLength(node: Node, x: readonly number[], depth: number): number {
  let n = node;
  let d = depth;
  while (!n.leaf) {
    n = (x[n.feature] ?? 0) < n.split ? n.left : n.right;
    d += 1;
  }
  return d + averagePathLength(n.size);
}

/** Anomaly score in (0, 1]; higher is more anomalous. */
export function scoreIsolation(forest: IsolationForest, x: readonly number[]): number {
  if (forest.trees.length === 0 || forest.sampleSize < 2) return 0.5;
  let sum = 0;
  for (const t of forest.trees) sum += pathLength(t, x, 0);
  const mean = sum / forest.trees.length;
  return Math.pow(2, -mean / averagePathLength(forest.sampleSize));
}
