// P4: each AML rule with hand-worked cases on both sides of its threshold (default parameters).
import { describe, expect, it } from "vitest";
import { distanceKm, locateIp } from "./ip-geo";
import {
  chargebackRule,
  DEFAULT_AML_PARAMS as P,
  evaluateAml,
  geoJumpRule,
  kycDailyRule,
  kycSingleRule,
  largeValueCategories,
  newBeneficiaryRule,
  newDeviceRule,
  roundTripRule,
  structuringRule,
  velocityRule,
  type AmlInput,
} from "./rules";

const NOW = Date.UTC(2026, 10, 24, 6, 0, 0);
const H = 3600_000;
const D = 24 * H;
const base = (o: Partial<AmlInput> = {}): AmlInput => ({
  nowMs: NOW,
  amount: 10_000,
  crossBorder: false,
  cash: false,
  kycLevel: 2,
  ip: "58.246.1.1",
  deviceId: "dev-1",
  priorWithdrawals: [],
  deposits: [],
  logins: [{ ts: NOW - 2 * H, ip: "58.246.1.1", deviceId: "dev-1" }],
  beneficiaryAddedAt: NOW - 30 * D,
  tradedValueSinceDeposits: 0,
  chargebacks: [],
  ...o,
});

describe("KYC limits (level 1: 50,000 single, 100,000 per 24 h)", () => {
  it("single: 50,000.00 passes, 50,000.01 hits", () => {
    expect(kycSingleRule(base({ kycLevel: 1, amount: 50_000 }), P)).toBeNull();
    expect(kycSingleRule(base({ kycLevel: 1, amount: 50_000.01 }), P)?.evidence).toMatchObject({ limit: 50_000 });
  });
  it("daily: 60,000 earlier today + 40,000 = 100,000 passes; + 40,001 hits; a withdrawal 25 h ago does not count", () => {
    const prior = [
      { ts: NOW - 5 * H, amount: 60_000 },
      { ts: NOW - 25 * H, amount: 90_000 },
    ];
    expect(kycDailyRule(base({ kycLevel: 1, amount: 40_000, priorWithdrawals: prior }), P)).toBeNull();
    expect(kycDailyRule(base({ kycLevel: 1, amount: 40_001, priorWithdrawals: prior }), P)?.evidence).toMatchObject({
      last24h: 100_001,
    });
  });
});

describe("velocity (3 withdrawals or 500,000 CNY per hour)", () => {
  const two = [
    { ts: NOW - 10 * 60_000, amount: 100_000 },
    { ts: NOW - 50 * 60_000, amount: 300_000 },
  ];
  it("the third in an hour passes, the fourth hits", () => {
    expect(velocityRule(base({ amount: 100_000, priorWithdrawals: two }), P)).toBeNull();
    const three = [...two, { ts: NOW - 20 * 60_000, amount: 1 }];
    expect(velocityRule(base({ amount: 1, priorWithdrawals: three }), P)?.evidence).toMatchObject({ count: 4 });
  });
  it("400,000 + 100,000 = 500,000 passes, + 100,000.01 hits; 61 minutes ago is outside the window", () => {
    expect(velocityRule(base({ amount: 100_000, priorWithdrawals: two }), P)).toBeNull();
    expect(velocityRule(base({ amount: 100_000.01, priorWithdrawals: two }), P)).not.toBeNull();
    expect(
      velocityRule(base({ amount: 499_999, priorWithdrawals: [{ ts: NOW - 61 * 60_000, amount: 400_000 }] }), P),
    ).toBeNull();
  });
});

describe("geo jump (faster than 900 km/h from the last login)", () => {
  it("Shanghai-Beijing is about 1,067 km great-circle", () => {
    const sh = locateIp("58.246.1.1");
    const bj = locateIp("123.125.1.1");
    expect(sh && bj && distanceKm(sh, bj)).toBeCloseTo(1067, -1);
  });
  it("Shanghai then Beijing 1 h later (~1,067 km/h) hits; 1.25 h later (~853 km/h) passes", () => {
    const fromSh = (hoursAgo: number) =>
      base({ ip: "123.125.9.9", logins: [{ ts: NOW - hoursAgo * H, ip: "58.246.1.1", deviceId: "dev-1" }] });
    const hit = geoJumpRule(fromSh(1), P);
    expect(hit?.evidence).toMatchObject({ from: "Shanghai", to: "Beijing" });
    expect(Number(hit?.evidence.speedKmh)).toBeGreaterThan(1000);
    expect(geoJumpRule(fromSh(1.25), P)).toBeNull();
  });
  it("same city, or an unknown IP, never hits", () => {
    expect(geoJumpRule(base({ ip: "58.246.7.7" }), P)).toBeNull();
    expect(geoJumpRule(base({ ip: "10.0.0.1" }), P)).toBeNull();
  });
});

describe("new device", () => {
  it("a known device passes, an unseen one hits, no login history does not hit", () => {
    expect(newDeviceRule(base(), P)).toBeNull();
    expect(newDeviceRule(base({ deviceId: "dev-2" }), P)?.evidence).toMatchObject({
      deviceId: "dev-2",
      knownDevices: 1,
    });
    expect(newDeviceRule(base({ deviceId: "dev-2", logins: [] }), P)).toBeNull();
  });
});

describe("beneficiary whitelist and 24 h cooling-off", () => {
  it("whitelisted exactly 24 h ago passes; 23 h ago hits with the end of the cooling-off; not whitelisted hits", () => {
    expect(newBeneficiaryRule(base({ beneficiaryAddedAt: NOW - 24 * H }), P)).toBeNull();
    expect(newBeneficiaryRule(base({ beneficiaryAddedAt: NOW - 23 * H }), P)?.evidence.coolOffUntil).toBe(
      new Date(NOW + H).toISOString(),
    );
    expect(newBeneficiaryRule(base({ beneficiaryAddedAt: null }), P)?.evidence).toMatchObject({ whitelisted: false });
  });
});

describe("round trip (>= 80% of 3-day deposits out, < 20% traded)", () => {
  const deposits = [{ ts: NOW - 2 * D, amount: 100_000 }];
  it("80,000 out with 19,999 traded hits; 20,000 traded or 79,999 out passes", () => {
    expect(roundTripRule(base({ amount: 80_000, deposits, tradedValueSinceDeposits: 19_999 }), P)).not.toBeNull();
    expect(roundTripRule(base({ amount: 80_000, deposits, tradedValueSinceDeposits: 20_000 }), P)).toBeNull();
    expect(roundTripRule(base({ amount: 79_999, deposits }), P)).toBeNull();
    expect(roundTripRule(base({ amount: 80_000, deposits: [{ ts: NOW - 4 * D, amount: 100_000 }] }), P)).toBeNull();
  });
});

describe("structuring (3 amounts within 10% under a reporting threshold in 7 days)", () => {
  it("48,500 and 47,900 this week, now 49,000 (cash threshold 50,000) hits; with one earlier only, passes", () => {
    const deposits = [
      { ts: NOW - 2 * D, amount: 48_500 },
      { ts: NOW - 3 * D, amount: 47_900 },
    ];
    expect(structuringRule(base({ amount: 49_000, deposits }), P)?.evidence).toMatchObject({
      threshold: 50_000,
      count: 3,
    });
    expect(structuringRule(base({ amount: 49_000, deposits: deposits.slice(0, 1) }), P)).toBeNull();
  });
  it("an amount at the threshold itself or below the band is not structuring", () => {
    const deposits = [
      { ts: NOW - D, amount: 48_000 },
      { ts: NOW - D, amount: 46_000 },
    ];
    expect(structuringRule(base({ amount: 50_000, deposits }), P)).toBeNull();
    expect(structuringRule(base({ amount: 44_999, deposits }), P)).toBeNull();
    expect(structuringRule(base({ amount: 45_000, deposits }), P)).not.toBeNull();
  });
});

describe("large-value reports at the PBOC thresholds", () => {
  it.each([
    [499_999.99, false, false, []],
    [500_000, false, false, ["DOMESTIC"]],
    [199_999.99, true, false, []],
    [200_000, true, false, ["CROSS_BORDER"]],
    [49_999.99, false, true, []],
    [50_000, false, true, ["CASH"]],
  ])("%d (cross-border %s, cash %s) -> %j", (amount, crossBorder, cash, cats) => {
    expect(largeValueCategories(amount, crossBorder, cash).map((c) => c.category)).toEqual(cats);
  });
});

describe("chargeback history (180 days)", () => {
  it("one chargeback 179 days ago hits; 181 days ago passes", () => {
    expect(chargebackRule(base({ chargebacks: [NOW - 179 * D] }), P)).not.toBeNull();
    expect(chargebackRule(base({ chargebacks: [NOW - 181 * D] }), P)).toBeNull();
  });
});

describe("score", () => {
  it("a clean withdrawal scores 0; geo jump + new device score 35 + 15 = 50", () => {
    expect(evaluateAml(base())).toEqual({ score: 0, hits: [] });
    const r = evaluateAml(
      base({
        ip: "125.64.1.1",
        deviceId: "dev-9",
        logins: [{ ts: NOW - 10 * 60_000, ip: "58.246.1.1", deviceId: "dev-1" }],
      }),
    );
    expect(r.hits.map((h) => h.rule)).toEqual(["GEO_JUMP", "NEW_DEVICE"]);
    expect(r.score).toBe(50);
  });
});
