// Shapes of the generated demo book (DESIGN 11): symbols and accounts as plain data, ready to be
// written by the seed and read by tests. Money is CNY; cash and debt carry 2 decimals.
import type { Board } from "../../server/market/types";

export type AssetClass = "MAIN_BOARD" | "GROWTH";
export type LiquidityTier = "T1" | "T2" | "T3";

export interface DemoSymbol {
  code: string; // "600519.SH"
  name: string;
  sector: string;
  board: Board;
  assetClass: AssetClass; // R2: GROWTH for ChiNext and STAR
  liquidityTier: LiquidityTier; // R2: by rank of avgDailyValue
  beta: number;
  prevClose: number;
  lotSize: number;
  avgDailyValue: number;
  suspended: boolean;
}

export interface DemoPosition {
  symbolCode: string;
  qty: number; // shares, a positive multiple of the lot
  avgCost: number; // CNY per share, 4 decimals
}

export interface DemoAccount {
  code: string; // "MD" + 6 digits
  clientName: string;
  kycLevel: number; // 1..3
  cash: number;
  debt: number;
  positions: DemoPosition[];
}

export interface DemoBook {
  symbols: DemoSymbol[];
  accounts: DemoAccount[];
}

export interface DemoBookOptions {
  seed: number;
  symbols: number;
  accounts: number;
}
