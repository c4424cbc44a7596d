// The chooser's search: pinyin initials, code and name matches, watchlist and recent first.
import { describe, expect, it } from "vitest";
import { indexSymbols, pinyinInitials, searchSymbols } from "./symbol-search";

const index = indexSymbols([
  { code: "000001.SZ", name: "平安银行", sector: "银行", suspended: false },
  { code: "300750.SZ", name: "宁德时代", sector: "电池", suspended: false },
  { code: "600519.SH", name: "贵州茅台", sector: "白酒", suspended: false },
  { code: "601318.SH", name: "中国平安", sector: "保险", suspended: false },
]);
const codes = (hits: ReturnType<typeof searchSymbols>) => hits.map((h) => `${h.group}:${h.symbol.code}`);

describe("symbol search", () => {
  it("derives lower-case pinyin initials", () => {
    expect(pinyinInitials("贵州茅台")).toBe("gzmt");
    expect(pinyinInitials("宁德时代")).toBe("ndsd");
  });
  it("finds a symbol by its pinyin initials", () => {
    expect(codes(searchSymbols(index, "GZ", [], []))).toEqual(["all:600519.SH"]);
  });
  it("finds by code prefix and by name, prefix matches before substring matches", () => {
    expect(codes(searchSymbols(index, "3007", [], []))).toEqual(["all:300750.SZ"]);
    // 平安 starts 平安银行 (score 4) and is inside 中国平安 (score 3).
    expect(codes(searchSymbols(index, "平安", [], []))).toEqual(["all:000001.SZ", "all:601318.SH"]);
  });
  it("lists the watchlist, then recent symbols, then the rest, each once", () => {
    expect(codes(searchSymbols(index, "", ["601318.SH"], ["300750.SZ", "601318.SH"]))).toEqual([
      "watchlist:601318.SH",
      "recent:300750.SZ",
      "all:000001.SZ",
      "all:600519.SH",
    ]);
  });
  it("returns nothing when nothing matches", () => {
    expect(searchSymbols(index, "zzzz", [], [])).toEqual([]);
  });
});
