// The pure on-call core with an injected clock: shift boundaries in Asia/Shanghai, escalation
// timing, grouping of repeats and quiet hours. Instants are worked by hand from UTC+8.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueEscalation, escalationChain, FALLBACK_MAX, nextEscalationAt, planChain } from "./escalation";
import { groupEvent } from "./grouping";
import { DEFAULT_POLICY, matchRule, pagingPolicySchema } from "./policy";
import { isQuietAt, pushesExternally } from "./quiet-hours";
import { onDutyAt, previousShift, shanghaiDate, shiftWindow, type Shift } from "./roster";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";

const MIN = 60_000;
const utc = (s: string) => Date.parse(s);

describe("shifts in Asia/Shanghai", () => {
  it("day shift 2026-12-03 is 08:00-20:00 Shanghai = 00:00-12:00 UTC; night runs to 08:00 next day", () => {
    expect(shiftWindow("2026-12-03", "DAY")).toEqual({
      startsAt: utc("2026-12-03T00:00:00Z"),
      endsAt: utc("2026-12-03T12:00:00Z"),
    });
    expect(shiftWindow("2026-12-03", "NIGHT")).toEqual({
      startsAt: utc("2026-12-03T12:00:00Z"),
      endsAt: utc("2026-12-04T00:00:00Z"),
    });
    expect(() => shiftWindow("2026-13-40", "DAY")).toThrow(RangeError);
  });

  it("the Shanghai date of 2026-12-03T16:30Z is the 4th (00:30 local)", () => {
    expect(shanghaiDate(utc("2026-12-03T16:30:00Z"))).toBe("2026-12-04");
    expect(shanghaiDate(utc("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  });

  const day = shiftWindow("2026-12-03", "DAY");
  const night = shiftWindow("2026-12-03", "NIGHT");
  const shifts: Shift[] = [
    { id: "d1", role: "RISK", userId: "alice", position: 1, ...day, handoverNote: null },
    { id: "d2", role: "RISK", userId: "bob", position: 2, ...day, handoverNote: null },
    { id: "n1", role: "RISK", userId: "carol", position: 1, ...night, handoverNote: "acc-17 near hard floor" },
    {
      id: "m1",
      role: "MANAGER",
      userId: "mia",
      position: 1,
      startsAt: day.startsAt,
      endsAt: night.endsAt,
      handoverNote: null,
    },
  ];

  it("at the boundary 20:00 Shanghai the night shift is on duty, one millisecond earlier the day shift", () => {
    expect(onDutyAt(shifts, "RISK", night.startsAt - 1).map((s) => s.userId)).toEqual(["alice", "bob"]);
    expect(onDutyAt(shifts, "RISK", night.startsAt).map((s) => s.userId)).toEqual(["carol"]);
    expect(onDutyAt(shifts, "RISK", night.endsAt)).toEqual([]);
    expect(onDutyAt(shifts, "COMPLIANCE", day.startsAt)).toEqual([]);
  });

  it("the handover note belongs to the shift taking over; previousShift finds the one handing over", () => {
    const n1 = shifts[2]!;
    expect(previousShift(shifts, n1)?.id).toBe("d1");
    expect(previousShift(shifts, shifts[0]!)).toBeNull();
  });
});

describe("escalation", () => {
  const roster: Record<string, string[]> = { RISK: ["alice", "bob"], MANAGER: ["mia"], COMPLIANCE: [], ADMIN: ["ann"] };
  const onDuty = (r: string) => roster[r] ?? [];

  it("chain: first risk person, next risk person, then the manager", () => {
    expect(escalationChain({ firstRole: "RISK" }, onDuty)).toEqual([
      { level: 0, role: "RISK", userId: "alice" },
      { level: 1, role: "RISK", userId: "bob" },
      { level: 2, role: "MANAGER", userId: "mia" },
    ]);
    // A manager-first rule does not page the same manager twice.
    expect(escalationChain({ firstRole: "MANAGER" }, onDuty)).toEqual([{ level: 0, role: "MANAGER", userId: "mia" }]);
  });

  it("one rule for holes: nobody of the role on duty pages everyone holding it, then the manager on duty", () => {
    const holders = (r: string) =>
      ({ COMPLIANCE: ["cora", "carl"], ADMIN: ["ann"], RISK: ["alice", "bob", "rita"] })[r] ?? [];
    // Someone on duty: the roster order, no hole.
    expect(planChain({ firstRole: "RISK" }, onDuty, holders)).toEqual({
      chain: escalationChain({ firstRole: "RISK" }, onDuty),
      hole: false,
    });
    // Nobody on the compliance roster: both compliance users at once, then the manager on duty.
    expect(planChain({ firstRole: "COMPLIANCE" }, onDuty, holders)).toEqual({
      chain: [
        { level: 0, role: "COMPLIANCE", userId: "cora" },
        { level: 0, role: "COMPLIANCE", userId: "carl" },
        { level: 1, role: "MANAGER", userId: "mia" },
      ],
      hole: true,
    });
    // Nobody holds the role at all: every ADMIN.
    expect(planChain({ firstRole: "COMPLIANCE" }, onDuty, (r) => (r === "ADMIN" ? ["ann"] : []))).toEqual({
      chain: [
        { level: 0, role: "ADMIN", userId: "ann" },
        { level: 1, role: "MANAGER", userId: "mia" },
      ],
      hole: true,
    });
    // A manager-first rule with no manager on duty: every manager, never the same person twice.
    const noManager = (r: string) => (r === "MANAGER" ? [] : onDuty(r));
    expect(
      planChain({ firstRole: "MANAGER" }, noManager, (r) => (r === "MANAGER" ? ["mia", "max"] : [])).chain,
    ).toEqual([
      { level: 0, role: "MANAGER", userId: "mia" },
      { level: 0, role: "MANAGER", userId: "max" },
    ]);
  });

  it("a page never goes nowhere while anyone holds ADMIN (property)", () => {
    const roles = ["RISK", "COMPLIANCE", "MANAGER", "ADMIN"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.dictionary(
          fc.constantFrom(...roles),
          fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        ),
        fc.dictionary(
          fc.constantFrom(...roles),
          fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        ),
        fc.string({ minLength: 1, maxLength: 4 }),
        (firstRole, duty, held, anAdmin) => {
          const holders = (r: string) => (r === "ADMIN" ? [anAdmin, ...(held.ADMIN ?? [])] : (held[r as "RISK"] ?? []));
          const { chain } = planChain({ firstRole }, (r) => duty[r] ?? [], holders);
          const level0 = chain.filter((x) => x.level === 0);
          const ids = chain.map((x) => x.userId);
          return level0.length >= 1 && level0.length <= FALLBACK_MAX && new Set(ids).size === ids.length;
        },
      ),
    );
  });

  it("unacknowledged 5 minutes: level 0 -> 1 at exactly T+5m, 1 -> 2 five minutes after that page, then stays", () => {
    const T = utc("2026-12-03T19:00:00Z"); // 03:00 Shanghai
    const rule = { escalateAfterMinutes: 5 };
    let state = { status: "OPEN" as const, level: 0, lastPagedAt: T };
    expect(dueEscalation(state, rule, 3, T + 5 * MIN - 1)).toBeNull();
    expect(dueEscalation(state, rule, 3, T + 5 * MIN)).toBe(1);
    state = { ...state, level: 1, lastPagedAt: T + 5 * MIN + 20_000 }; // paged 20 s late (next tick)
    expect(nextEscalationAt(state, rule, 3)).toBe(T + 10 * MIN + 20_000);
    expect(dueEscalation(state, rule, 3, T + 10 * MIN)).toBeNull();
    expect(dueEscalation(state, rule, 3, T + 10 * MIN + 20_000)).toBe(2);
    state = { ...state, level: 2, lastPagedAt: T + 11 * MIN };
    expect(dueEscalation(state, rule, 3, T + 60 * MIN)).toBeNull();
    expect(nextEscalationAt(state, rule, 3)).toBeNull();
  });

  it("an acknowledged or resolved incident never escalates (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ACKNOWLEDGED" as const, "RESOLVED" as const),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (status, level, mins, later) =>
          dueEscalation({ status, level, lastPagedAt: 0 }, { escalateAfterMinutes: mins }, 6, later) === null,
      ),
    );
  });
});

describe("grouping", () => {
  it("no open incident opens one; a repeat joins without paging; a rise in severity re-pages", () => {
    expect(groupEvent(null, "WARNING")).toEqual({ action: "open" });
    const open = { id: "i1", severity: "WARNING" as const, status: "OPEN" as const };
    expect(groupEvent(open, "WARNING")).toEqual({ action: "append", incidentId: "i1", repage: false });
    expect(groupEvent(open, "INFO")).toEqual({ action: "append", incidentId: "i1", repage: false });
    expect(groupEvent(open, "CRITICAL")).toEqual({
      action: "append",
      incidentId: "i1",
      repage: true,
      severity: "CRITICAL",
    });
  });
});

describe("quiet hours (22:00-07:00 Shanghai)", () => {
  const q = { start: "22:00", end: "07:00" };
  it("22:00 Shanghai (14:00Z) is quiet, 06:59 (22:59Z) is quiet, 07:00 (23:00Z) is not, noon is not", () => {
    expect(isQuietAt(q, utc("2026-12-03T13:59:00Z"))).toBe(false);
    expect(isQuietAt(q, utc("2026-12-03T14:00:00Z"))).toBe(true);
    expect(isQuietAt(q, utc("2026-12-03T22:59:00Z"))).toBe(true);
    expect(isQuietAt(q, utc("2026-12-03T23:00:00Z"))).toBe(false);
    expect(isQuietAt(q, utc("2026-12-03T04:00:00Z"))).toBe(false);
    expect(isQuietAt({ start: "12:00", end: "13:00" }, utc("2026-12-03T04:30:00Z"))).toBe(true);
    expect(isQuietAt(null, utc("2026-12-03T14:00:00Z"))).toBe(false);
  });

  it("critical pages always go out, whatever the window and the hour (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (a, b, ts) => {
          const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
          return pushesExternally("CRITICAL", { start: hh(a), end: hh(b) }, ts);
        },
      ),
    );
    expect(pushesExternally("WARNING", q, utc("2026-12-03T19:00:00Z"))).toBe(false); // 03:00 local
    expect(pushesExternally("WARNING", q, utc("2026-12-03T03:00:00Z"))).toBe(true); // 11:00 local
  });
});

describe("policy", () => {
  it("the default policy validates; hard floor pages RISK as CRITICAL; a disabled rule does not page", () => {
    expect(pagingPolicySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(matchRule(DEFAULT_POLICY, { kind: "liquidation.hardFloor", severity: "INFO" })).toMatchObject({
      severity: "CRITICAL",
      rule: { firstRole: "RISK", escalateAfterMinutes: 5 },
    });
    const off = { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.map((r) => ({ ...r, enabled: false })) };
    expect(matchRule(off, { kind: "liquidation.hardFloor", severity: "CRITICAL" })).toBeNull();
  });

  it("refuses duplicate kinds, unknown keys, bad times and out-of-range minutes", () => {
    const r0 = DEFAULT_POLICY.rules[0]!;
    expect(pagingPolicySchema.safeParse({ ...DEFAULT_POLICY, rules: [r0, r0] }).success).toBe(false);
    expect(pagingPolicySchema.safeParse({ ...DEFAULT_POLICY, extra: 1 }).success).toBe(false);
    expect(
      pagingPolicySchema.safeParse({ ...DEFAULT_POLICY, quietHours: { start: "24:00", end: "07:00" } }).success,
    ).toBe(false);
    expect(
      pagingPolicySchema.safeParse({ ...DEFAULT_POLICY, rules: [{ ...r0, escalateAfterMinutes: 0 }] }).success,
    ).toBe(false);
    // A JSON "__proto__" key is an own key after JSON.parse: the strict schema refuses it like any other.
    expect(pagingPolicySchema.safeParse(JSON.parse('{"rules":[],"quietHours":null,"__proto__":{"x":1}}')).success).toBe(
      false,
    );
  });
});

describe("delivery backoff", () => {
  it("15 s, 30 s, 60 s, then capped at 5 min; four attempts in all", () => {
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([15_000, 30_000, 60_000, 120_000, 300_000]);
    expect(MAX_ATTEMPTS).toBe(4);
  });
});
