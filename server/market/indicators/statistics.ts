// Small numeric helpers for the indicators (M4): pandas-style definitions (sample standard
// deviation with ddof = 1, median of an even count = mean of the two middle values).

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (ddof = 1), as pandas' Series.std(); NaN below two values. */
export function sampleStd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (n - 1));
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** z-score of x against a baseline sample; NaN when the baseline has no spread. */
export function zScore(x: number, baseline: readonly number[]): number {
  const sd = sampleStd(baseline);
  return sd > 0 ? (x - mean(baseline)) / sd : NaN;
}

/** EMA with alpha = 2 / (span + 1), seeded with the first value (pandas ewm(span, adjust=False)). */
export function emaSeries(xs: readonly number[], span: number): number[] {
  const alpha = 2 / (span + 1);
  const out: number[] = [];
  let e = NaN;
  for (const x of xs) {
    e = Number.isNaN(e) ? x : alpha * x + (1 - alpha) * e;
    out.push(e);
  }
  return out;
}

/** A fixed-capacity ring of the most recent values (oldest dropped first). */
export class Ring {
  private readonly buf: Float64Array;
  private start = 0;
  private count = 0;
  constructor(readonly capacity: number) {
    this.buf = new Float64Array(capacity);
  }
  push(x: number): void {
    if (this.count < this.capacity) {
      this.buf[(this.start + this.count) % this.capacity] = x;
      this.count++;
    } else {
      this.buf[this.start] = x;
      this.start = (this.start + 1) % this.capacity;
    }
  }
  get length(): number {
    return this.count;
  }
  /** i-th value from the oldest (0) to the newest (length - 1). */
  at(i: number): number {
    return this.buf[(this.start + i) % this.capacity] ?? NaN;
  }
  last(): number {
    return this.count === 0 ? NaN : this.at(this.count - 1);
  }
  /** Order-free statistics straight off the buffer (no allocation: the minute hook runs them for
   * every symbol every minute). Until the ring is full its values sit at buf[0 .. count). */
  mean(): number {
    if (this.count === 0) return NaN;
    let s = 0;
    for (let i = 0; i < this.count; i++) s += this.buf[i] ?? 0;
    return s / this.count;
  }
  /** Sample standard deviation (ddof = 1). */
  std(): number {
    if (this.count < 2) return NaN;
    const m = this.mean();
    let ss = 0;
    for (let i = 0; i < this.count; i++) {
      const d = (this.buf[i] ?? 0) - m;
      ss += d * d;
    }
    return Math.sqrt(ss / (this.count - 1));
  }
  median(): number {
    if (this.count === 0) return NaN;
    const s = this.buf.slice(0, this.count).sort();
    const mid = this.count >> 1;
    return this.count % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  }
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i));
    return out;
  }
}
