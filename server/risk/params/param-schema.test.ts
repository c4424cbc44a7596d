// DESIGN 10 evaluate body: the bad inputs that must be a 400 with a clear message, and supplied
// params that name their own asset classes and tiers.
import { describe, expect, it } from "vitest";
import { evaluateAccount } from "../margin/margin-model";
import { DEFAULT_RISK_PARAMS, type RiskParams } from "../margin/risk-params";
import { evaluateBodySchema } from "./param-schema";

const position = {
  symbol: "600000.SH",
  qty: 1000,
  price: 10,
  assetClass: "MAIN_BOARD",
  liquidityTier: "T1",
  sigma: 0.001,
  adv: 1e7,
};
const body = { cash: 2000, debt: 9000, positions: [position] };
const messages = (input: unknown) => {
  const r = evaluateBodySchema.safeParse(input);
  return r.success ? "" : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

describe("evaluate body validation", () => {
  it("accepts the documented shape, with or without params", () => {
    expect(messages(body)).toBe("");
    expect(messages({ ...body, params: DEFAULT_RISK_PARAMS })).toBe("");
  });
  it("rejects negative quantities and prices", () => {
    expect(messages({ ...body, positions: [{ ...position, qty: -100 }] })).toMatch(
      /positions\.0\.qty: quantity must be zero or more/,
    );
    expect(messages({ ...body, positions: [{ ...position, price: -1 }] })).toMatch(
      /positions\.0\.price: price must be zero or more/,
    );
  });
  it("rejects non-ascending size tiers and an open bound before the last tier", () => {
    expect(
      messages({
        ...body,
        params: {
          ...DEFAULT_RISK_PARAMS,
          sizeTiers: [
            [0.05, 1],
            [0.01, 1.5],
            [null, 2],
          ],
        },
      }),
    ).toMatch(/strictly ascending/);
    expect(
      messages({
        ...body,
        params: {
          ...DEFAULT_RISK_PARAMS,
          sizeTiers: [
            [null, 1],
            [0.5, 2],
          ],
        },
      }),
    ).toMatch(/only the last tier/);
  });
  it("rejects lines out of order", () => {
    const lines = { warning: 1.3, liquidation: 1.0, hardFloor: 1.1, target: 1.5 };
    expect(messages({ ...body, params: { ...DEFAULT_RISK_PARAMS, lines } })).toMatch(
      /hardFloor < liquidation < warning < target/,
    );
  });
  it("lets supplied params name their own classes and tiers (ML = (2,000 + 10,000 - 9,000) / (10,000 x 0.2 x 2) = 0.75)", () => {
    const params: RiskParams = {
      ...DEFAULT_RISK_PARAMS,
      base: { STAR: 0.2 },
      sigmaRef: { STAR: 0.01 },
      liquidityMultiplier: { L9: 2 },
    };
    const input = { ...body, positions: [{ ...position, assetClass: "STAR", liquidityTier: "L9" }], params };
    expect(messages(input)).toBe("");
    const r = evaluateAccount(input, params);
    expect(r.positions[0]?.m).toBeCloseTo(0.4, 12);
    expect(r.marginLevel).toBeCloseTo(0.75, 12);
    expect(r.status).toBe("LIQUIDATION");
    // The defaults do not know STAR: the model refuses it (a 400 at the API).
    expect(() => evaluateAccount(input, DEFAULT_RISK_PARAMS)).toThrow(/unknown asset class "STAR"/);
  });
});
