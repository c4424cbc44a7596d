// Closed bars wait here until the engine closes their minute. A bar can close before its minute's
// boundary is reached (a vendor clock slightly ahead, or a backlog delivered after a stall that
// spans several minutes); it must still reach its own minute's close and hooks, not the close of
// whichever minute happened to be open when it was built.
import type { Bar } from "../market/types";

export class ClosedBarBuffer {
  private readonly byMinute = new Map<number, Bar[]>();

  add(bars: readonly Bar[]): void {
    for (const bar of bars) {
      const list = this.byMinute.get(bar.ts);
      if (list) list.push(bar);
      else this.byMinute.set(bar.ts, [bar]);
    }
  }

  /** The bars of one minute (left in place until drop(), so a failed close can be retried). */
  peek(minuteTs: number): Bar[] {
    return this.byMinute.get(minuteTs) ?? [];
  }

  drop(minuteTs: number): void {
    this.byMinute.delete(minuteTs);
  }

  /** Removes and returns the bars of minutes before minuteTs: minutes the engine has already closed. */
  takeBefore(minuteTs: number): Bar[] {
    const out: Bar[] = [];
    for (const [ts, bars] of this.byMinute) {
      if (ts >= minuteTs) continue;
      out.push(...bars);
      this.byMinute.delete(ts);
    }
    return out;
  }
}
