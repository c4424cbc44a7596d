// Two-sided Page CUSUM (M5, DESIGN 10). On standardized values z_t = (x_t - mean) / sd:
// S+_t = max(0, S+_{t-1} + z_t - k), S-_t = max(0, S-_{t-1} - z_t - k), both from 0; an alarm at t
// when either exceeds h, after which both reset to 0. With k = 0.5, h = 4 the in-control average
// run length is 335.4 one-sided and 167.7 two-sided (Montgomery, Introduction to SQC, table 9.3).

export type CusumDirection = "up" | "down";

export interface CusumParams {
  k: number;
  h: number;
  /** "upper": the one-sided chart of the published ARL tables (only S+ alarms); default both sides. */
  sides?: "both" | "upper";
}

export class Cusum {
  private up = 0;
  private down = 0;
  constructor(readonly params: CusumParams) {}

  /** Feeds one standardized value; returns the alarm's direction, or null. */
  update(z: number): CusumDirection | null {
    const { k, h } = this.params;
    this.up = Math.max(0, this.up + z - k);
    this.down = this.params.sides === "upper" ? 0 : Math.max(0, this.down - z - k);
    if (this.up > h || this.down > h) {
      const dir: CusumDirection = this.up - h >= this.down - h ? "up" : "down";
      this.up = 0;
      this.down = 0;
      return dir;
    }
    return null;
  }

  state(): { up: number; down: number } {
    return { up: this.up, down: this.down };
  }
}

export interface CusumInput extends CusumParams {
  series: readonly number[];
  mean: number;
  sd: number;
}

/** DESIGN 10 POST /detectors/cusum: alarm indexes (0-based) and their directions. */
export function runCusum(input: CusumInput): { alarms: number[]; direction: CusumDirection[] } {
  if (!(input.sd > 0)) throw new RangeError("sd must be > 0");
  const c = new Cusum({ k: input.k, h: input.h });
  const alarms: number[] = [];
  const direction: CusumDirection[] = [];
  input.series.forEach((x, t) => {
    const d = c.update((x - input.mean) / input.sd);
    if (d) {
      alarms.push(t);
      direction.push(d);
    }
  });
  return { alarms, direction };
}

/**
 * CUSUM on squared standardized returns (volatility changes): under N(0,1), z^2 has mean 1 and
 * standard deviation sqrt(2), so (z^2 - 1) / sqrt(2) is standardized for the same k and h.
 */
export function standardizeSquared(z: number): number {
  return (z * z - 1) / Math.SQRT2;
}
