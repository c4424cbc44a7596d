// The parameter form's draft: round trip of the live set, per-field errors, JSON error positions.
import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { jsonErrorAt } from "./json-position";
import { fromDraft, toDraft } from "./param-draft";

describe("parameter draft", () => {
  it("turns the live set into text and back unchanged", () => {
    const r = fromDraft(toDraft(DEFAULT_RISK_PARAMS));
    expect(r.errors).toEqual({});
    expect(r.params).toEqual(DEFAULT_RISK_PARAMS);
  });
  it("puts each error at its field", () => {
    const d = toDraft(DEFAULT_RISK_PARAMS);
    d.base.GROWTH = "1.8"; // a rate above 1
    d.sizeTiers[2] = ["0.04", "1.5"]; // 0.04 after 0.05: not ascending
    d.lines.warning = "0.9"; // below liquidation (1.0)
    d.imMultiplier = "abc";
    const r = fromDraft(d);
    expect(r.params).toBeNull();
    expect(r.errors).toEqual({
      "base.GROWTH": "rate",
      "sizeTiers.2.bound": "ascending",
      "lines.warning": "lineOrder",
      imMultiplier: "number",
    });
  });
  it("allows an open bound on the last tier only", () => {
    const d = toDraft(DEFAULT_RISK_PARAMS);
    d.sizeTiers[0] = ["", "1"];
    expect(fromDraft(d).errors).toEqual({ "sizeTiers.0.bound": "openLast" });
  });
  it("gives the line and column where JSON stops parsing", () => {
    expect(jsonErrorAt('{"a": 1}')).toBeNull();
    // Line 2 is `  "b": ,`: the value is missing at its 8th character.
    expect(jsonErrorAt('{"a": 1,\n  "b": ,\n}')).toEqual({ line: 2, column: 8 });
    // A trailing comma: the scanner stops at the closing brace, line 1 column 9.
    expect(jsonErrorAt('{"a": 1,}')).toEqual({ line: 1, column: 9 });
    expect(jsonErrorAt("[1, 2] x")).toEqual({ line: 1, column: 8 });
  });
});
