// Asset classes and liquidity tiers are looked up by key: a key inherited from Object.prototype
// ("constructor", "toString") is unknown, not a NaN rate (which would reach the evaluate API as nulls).
import { describe, expect, it } from "vitest";
import { evaluatePosition } from "./margin-model";
import { DEFAULT_RISK_PARAMS as P, RiskInputError } from "./risk-params";

const pos = { symbol: "X", qty: 100, price: 10, assetClass: "MAIN_BOARD", liquidityTier: "T1", sigma: 0, adv: 1e6 };

describe("evaluatePosition with inherited keys", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("asset class %s is unknown", (k) => {
    expect(() => evaluatePosition({ ...pos, assetClass: k }, P)).toThrow(RiskInputError);
  });
  it.each(["constructor", "valueOf"])("liquidity tier %s is unknown", (k) => {
    expect(() => evaluatePosition({ ...pos, liquidityTier: k }, P)).toThrow(RiskInputError);
  });
});
