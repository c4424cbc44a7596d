// The preferences router against both databases: each user sees and changes only their own colours,
// recent symbols and watchlist; every role may; unknown symbols are refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const CODES = ["600519.SH", "300750.SZ", "000001.SZ"];

describe.each(BACKENDS)("preferences on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser, auditor: TestUser;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    risk = await createUser(t.db, "RISK");
    auditor = await createUser(t.db, "AUDITOR");
    for (const code of CODES)
      await t.db.prisma.symbol.create({
        data: {
          code,
          name: code,
          sector: "test",
          board: "MAIN",
          assetClass: "MAIN_BOARD",
          liquidityTier: "T1",
          beta: 1,
          prevClose: 10,
          avgDailyValue: 1e8,
        },
      });
  });
  afterEach(async () => t.drop());

  it("keeps colours, recent symbols and the watchlist per user", async () => {
    const mine = callerFor(t.db, risk).preferences;
    const theirs = callerFor(t.db, auditor).preferences;
    expect(await mine.get()).toEqual({ upColor: null, recentSymbols: [] });
    expect(await mine.setUpColor({ upColor: "RED_UP" })).toMatchObject({ upColor: "RED_UP" });
    await mine.touchRecent({ symbol: "600519.SH" });
    await mine.touchRecent({ symbol: "300750.SZ" });
    expect(await mine.touchRecent({ symbol: "600519.SH" })).toEqual(["600519.SH", "300750.SZ"]);
    expect(await mine.watch({ symbol: "000001.SZ" })).toEqual(["000001.SZ"]);
    expect(await mine.watch({ symbol: "000001.SZ" })).toEqual(["000001.SZ"]); // idempotent
    expect(await mine.get()).toEqual({ upColor: "RED_UP", recentSymbols: ["600519.SH", "300750.SZ"] });
    // The auditor (read-only elsewhere) has a desk of their own, untouched by the risk user's.
    expect(await theirs.get()).toEqual({ upColor: null, recentSymbols: [] });
    expect(await theirs.watchlist()).toEqual([]);
    expect(await theirs.watch({ symbol: "600519.SH" })).toEqual(["600519.SH"]);
    expect(await mine.unwatch({ symbol: "000001.SZ" })).toEqual([]);
    expect(await theirs.watchlist()).toEqual(["600519.SH"]);
    expect(await mine.setUpColor({ upColor: null })).toMatchObject({ upColor: null });
  });

  it("refuses unknown symbols and malformed input", async () => {
    const mine = callerFor(t.db, risk).preferences;
    await expect(mine.watch({ symbol: "688999.SH" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mine.touchRecent({ symbol: "AAPL" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mine.setUpColor({ upColor: "BLUE_UP" as "RED_UP" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(t.db, null).preferences.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
