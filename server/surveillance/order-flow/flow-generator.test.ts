// The flow generator: seeded (same seed, same flow), time-ordered inside its minute, and the
// compliance actions take effect in it: a restricted account places no buys, a frozen one nothing.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../isolation-forest";
import { castFromAccounts, generateMinute } from "./flow-generator";

const ids = Array.from({ length: 100 }, (_, i) => `A${String(i).padStart(3, "0")}`);
const cast = castFromAccounts(ids);
const symbols = Array.from({ length: 6 }, (_, i) => ({ symbol: `00000${i}`, price: 10 + i }));
const T0 = Date.UTC(2026, 11, 1, 1, 30);

describe("generateMinute", () => {
  it("is deterministic for a seed and stays inside its minute, in time order", () => {
    const a = generateMinute(T0, cast, symbols, mulberry32(5));
    const b = generateMinute(T0, cast, symbols, mulberry32(5));
    expect(a).toEqual(b);
    expect(a.every((e) => e.ts >= T0 && e.ts < T0 + 60_000)).toBe(true);
    expect(a.map((e) => e.ts)).toEqual([...a.map((e) => e.ts)].sort((x, y) => x - y));
  });

  it("a restricted account places no buys; a frozen account places nothing", () => {
    const minutes = Array.from({ length: 60 }, (_, m) => T0 + m * 60_000);
    const rand = mulberry32(9);
    const controls = {
      restrictedBuys: new Set([cast.pusher, cast.washPair[0]]),
      frozen: new Set([cast.highFrequency]),
    };
    const all = minutes.flatMap((m) => generateMinute(m, cast, symbols, rand, controls));
    expect(all.some((e) => e.account === cast.highFrequency)).toBe(false);
    expect(all.some((e) => e.account === cast.pusher && e.side === "BUY")).toBe(false);
    expect(all.some((e) => e.account === cast.washPair[0] && e.side === "BUY")).toBe(false);
    // Without controls the same accounts do buy.
    const free = minutes.flatMap((m) => generateMinute(m, cast, symbols, mulberry32(9)));
    expect(free.some((e) => e.account === cast.pusher && e.side === "BUY")).toBe(true);
    expect(free.some((e) => e.account === cast.highFrequency)).toBe(true);
  });
});
