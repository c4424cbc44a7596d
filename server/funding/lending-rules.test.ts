import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { checkLendingLimits, chooseSource, type SourceView } from "./lending-rules";

const src = (code: string, o: Partial<SourceView> = {}): SourceView => ({
  code,
  status: "ACTIVE",
  costRate: 0.04,
  spikeRate: 0.06,
  limitAmount: new Decimal(1000),
  drawn: new Decimal(0),
  priority: 1,
  backupCode: null,
  concentrationMax: null,
  ...o,
});
const d = (v: Decimal.Value) => new Decimal(v);

describe("chooseSource", () => {
  const book = [
    src("A", { priority: 1, backupCode: "C" }),
    src("B", { priority: 2 }),
    src("C", { priority: 3, backupCode: "A" }),
  ];

  it("lends from the preferred source while it is usable", () => {
    expect(chooseSource(book, d(100))).toMatchObject({ source: { code: "A" }, failoverReason: null, tried: [] });
  });
  it("fails over along the backup chain first (C, not B), saying why", () => {
    const down = book.map((s) => (s.code === "A" ? { ...s, status: "DOWN" as const } : s));
    expect(chooseSource(down, d(100))).toMatchObject({ source: { code: "C" }, failoverReason: "DOWN" });
  });
  it("a cost above the spike line fails over; at the line it does not", () => {
    const at = book.map((s) => (s.code === "A" ? { ...s, costRate: 0.06 } : s));
    expect(chooseSource(at, d(1)).source?.code).toBe("A");
    const over = book.map((s) => (s.code === "A" ? { ...s, costRate: 0.0601 } : s));
    expect(chooseSource(over, d(1))).toMatchObject({ source: { code: "C" }, failoverReason: "COST_SPIKE" });
  });
  it("headroom: drawn + amount may equal the limit (or the source concentration cap), not exceed it", () => {
    const capped = book.map((s) => (s.code === "A" ? { ...s, drawn: d(900), concentrationMax: d(950) } : s));
    expect(chooseSource(capped, d(50)).source?.code).toBe("A");
    expect(chooseSource(capped, d("50.01"))).toMatchObject({ source: { code: "C" }, failoverReason: "NO_HEADROOM" });
  });
  it("then any other usable source by priority; none left is no source", () => {
    const bad = book.map((s) => (s.code !== "B" ? { ...s, status: "DOWN" as const } : s));
    expect(chooseSource(bad, d(1)).source?.code).toBe("B");
    const none = book.map((s) => ({ ...s, status: "DOWN" as const }));
    const r = chooseSource(none, d(1));
    expect(r.source).toBeNull();
    expect(r.tried.map((t) => t.code)).toEqual(["A", "C", "B"]);
  });
});

describe("checkLendingLimits", () => {
  const base = {
    amount: d(100),
    clientDebt: d(900),
    clientLimit: d(1000),
    symbol: "S",
    symbolLending: d(0),
    symbolLimit: d(100),
    sector: "X",
    sectorLending: d(400),
    sectorLimit: d(500),
  };
  it("every limit met exactly is allowed", () => {
    expect(checkLendingLimits(base, "acct")).toEqual([]);
  });
  it("one fen over each limit is refused, each named", () => {
    const r = checkLendingLimits({ ...base, amount: d("100.01") }, "acct");
    expect(r.map((x) => [x.limit, x.key, x.after.toFixed(2)])).toEqual([
      ["CLIENT_CREDIT", "acct", "1000.01"],
      ["SYMBOL", "S", "100.01"],
      ["SECTOR", "X", "500.01"],
    ]);
  });
  it("no limit row means no limit", () => {
    expect(
      checkLendingLimits({ ...base, amount: d(1e9), clientLimit: null, symbolLimit: null, sectorLimit: null }, "a"),
    ).toEqual([]);
  });
});
