// Symbol specs for the simulator and bar tests: a small A-share universe covering every board,
// two sectors, a wide range of liquidity and one suspended name.
import type { Board, SymbolSpec } from "../types";

export function makeSymbol(overrides: Partial<SymbolSpec> & { code: string }): SymbolSpec {
  return {
    name: overrides.code,
    sector: "BANKS",
    board: "MAIN",
    beta: 1,
    prevClose: 10,
    lotSize: 100,
    avgDailyValue: 1e9,
    suspended: false,
    ...overrides,
  };
}

export function makeUniverse(): SymbolSpec[] {
  const rows: Array<[string, string, Board, number, number, number]> = [
    // code, sector, board, beta, prevClose, avgDailyValue
    ["600519.SH", "CONSUMER", "MAIN", 0.9, 1700, 5e9],
    ["000858.SZ", "CONSUMER", "MAIN", 1.1, 150.37, 2e9],
    ["600036.SH", "BANKS", "MAIN", 0.8, 32.15, 1.5e9],
    ["601398.SH", "BANKS", "MAIN", 0.6, 5.12, 1e9],
    ["300750.SZ", "BATTERIES", "CHINEXT", 1.4, 187.5, 4e9],
    ["300014.SZ", "BATTERIES", "CHINEXT", 1.5, 41.2, 8e8],
    ["688981.SH", "CHIPS", "STAR", 1.6, 48.77, 2.5e9],
    ["688012.SH", "CHIPS", "STAR", 1.8, 120.01, 3e8],
    ["002594.SZ", "AUTOS", "MAIN", 1.3, 3.05, 2e7],
    ["600000.SH", "BANKS", "MAIN", 0.7, 7.4, 5e6],
  ];
  const specs = rows.map(([code, sector, board, beta, prevClose, avgDailyValue]) =>
    makeSymbol({ code, sector, board, beta, prevClose, avgDailyValue }),
  );
  specs.push(makeSymbol({ code: "000001.SZ", sector: "BANKS", suspended: true }));
  return specs;
}
