// Rolls 1-minute bars up into 5- and 15-minute bars (M3). Pure, so the chart backfill and the
// live path produce the same buckets from the same 1m bars.
import type { Bar } from "../types";

const QUALITY_RANK: Record<Bar["quality"], number> = { OK: 0, STALE: 1, GAP: 2 };

function startBucket(bar: Bar, bucketTs: number): Bar {
  return { ...bar, ts: bucketTs };
}

function mergeInto(bucket: Bar, bar: Bar): void {
  bucket.high = Math.max(bucket.high, bar.high);
  bucket.low = Math.min(bucket.low, bar.low);
  bucket.close = bar.close;
  bucket.volume += bar.volume;
  bucket.turnover += bar.turnover;
  bucket.trades += bar.trades;
  // Depth is a snapshot: the bucket keeps the last minute's book.
  bucket.bidDepth = bar.bidDepth;
  bucket.askDepth = bar.askDepth;
  bucket.imbalance = bar.imbalance;
  // A bucket is only as trustworthy as its worst minute.
  if (QUALITY_RANK[bar.quality] > QUALITY_RANK[bucket.quality]) bucket.quality = bar.quality;
}

/**
 * Buckets start at floor(ts / (minutes * 60 s)) * minutes * 60 s. Bars of several symbols may be
 * mixed; the result is ordered by symbol, then time. spreadBps is the mean of the 1m spreads.
 */
export function aggregateBars(bars: Bar[], minutes: 5 | 15): Bar[] {
  const bucketMs = minutes * 60_000;
  const sorted = [...bars].sort((a, b) => (a.symbol === b.symbol ? a.ts - b.ts : a.symbol < b.symbol ? -1 : 1));
  const out: Bar[] = [];
  let bucket: Bar | undefined;
  let spreadSum = 0;
  let count = 0;

  const finish = (): void => {
    if (bucket === undefined) return;
    bucket.vwap = bucket.volume > 0 ? bucket.turnover / bucket.volume : bucket.close;
    bucket.spreadBps = count > 0 ? spreadSum / count : 0;
    out.push(bucket);
  };

  for (const bar of sorted) {
    const bucketTs = Math.floor(bar.ts / bucketMs) * bucketMs;
    if (bucket === undefined || bucket.symbol !== bar.symbol || bucket.ts !== bucketTs) {
      finish();
      bucket = startBucket(bar, bucketTs);
      spreadSum = bar.spreadBps;
      count = 1;
    } else {
      mergeInto(bucket, bar);
      spreadSum += bar.spreadBps;
      count += 1;
    }
  }
  finish();
  return out;
}
