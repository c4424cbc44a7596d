import { describe, expect, it } from "vitest";
import { checkAccountPaths } from "./stress-runs";

describe("stress run work cap (paths x accounts <= 20,000,000)", () => {
  it("allows 1,000 paths over 20,000 accounts and 200 over 100,000, exactly at the cap", () => {
    expect(() => checkAccountPaths(1_000, 20_000)).not.toThrow();
    expect(() => checkAccountPaths(200, 100_000)).not.toThrow();
  });

  it("refuses one account-path over, saying how many paths this book allows", () => {
    expect(() => checkAccountPaths(1_000, 20_001)).toThrow(
      "paths: 1,000 paths x 20,001 accounts is over the cap of 20,000,000 account-paths a run; ask for at most 999 paths.",
    );
    expect(() => checkAccountPaths(201, 100_000)).toThrow(/ask for at most 200 paths/);
  });
});
