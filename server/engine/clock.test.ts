// The engine clock with an injected real-time source: speed 1 is real time; speed s makes a
// simulated minute pass in 60/s real seconds; realDelayUntil converts back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClock } from "./clock";

const START = Date.UTC(2026, 0, 5, 1, 30, 0); // 09:30 Shanghai

/** A real-time source the test moves by hand. */
function fakeReal(start = START) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe("createClock", () => {
  it("starts simulated time at real now", () => {
    const real = fakeReal();
    expect(createClock(1, real.now).now()).toBe(START);
    expect(createClock(30, real.now).now()).toBe(START);
  });

  it("at speed 1 tracks real time", () => {
    const real = fakeReal();
    const clock = createClock(1, real.now);
    real.advance(1);
    expect(clock.now()).toBe(START + 1);
    real.advance(59_999);
    expect(clock.now()).toBe(START + 60_000);
    real.advance(3_600_000);
    expect(clock.now()).toBe(START + 3_660_000);
    expect(clock.speed).toBe(1);
  });

  it("at speed 30 passes one simulated minute in 2 real seconds", () => {
    const real = fakeReal();
    const clock = createClock(30, real.now);
    real.advance(1_000);
    expect(clock.now()).toBe(START + 30_000);
    real.advance(1_000);
    expect(clock.now()).toBe(START + 60_000);
    expect(clock.speed).toBe(30);
  });

  it("reads the injected real-time source, not the machine clock", () => {
    const real = fakeReal(1_000); // 1 s after the epoch, far from the machine's now
    const clock = createClock(60, real.now);
    real.advance(1_000);
    expect(clock.now()).toBe(61_000);
  });
});

describe("realDelayUntil", () => {
  it("at speed 1 is the simulated distance", () => {
    const real = fakeReal();
    const clock = createClock(1, real.now);
    expect(clock.realDelayUntil(START + 60_000)).toBe(60_000);
    real.advance(45_000);
    expect(clock.realDelayUntil(START + 60_000)).toBe(15_000);
  });

  it("at speed 30 is 2 000 ms to the next simulated minute, shrinking as real time passes", () => {
    const real = fakeReal();
    const clock = createClock(30, real.now);
    expect(clock.realDelayUntil(START + 60_000)).toBe(2_000);
    real.advance(500); // 15 simulated seconds gone
    expect(clock.realDelayUntil(START + 60_000)).toBe(1_500);
    expect(clock.realDelayUntil(START + 120_000)).toBe(3_500);
  });

  it("is 0 for now and for the past", () => {
    const real = fakeReal();
    const clock = createClock(30, real.now);
    real.advance(2_000);
    expect(clock.realDelayUntil(clock.now())).toBe(0);
    expect(clock.realDelayUntil(START)).toBe(0);
    expect(clock.realDelayUntil(START - 1)).toBe(0);
  });

  it("property: waiting realDelayUntil(ts) real ms brings simulated time to ts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        (speed, elapsedReal, ahead) => {
          const real = fakeReal();
          const clock = createClock(speed, real.now);
          real.advance(elapsedReal);
          // Simulated time is origin + elapsed real time x speed.
          expect(clock.now()).toBe(START + elapsedReal * speed);
          const target = clock.now() + ahead;
          const delay = clock.realDelayUntil(target);
          expect(delay).toBeCloseTo(ahead / speed, 6);
          real.advance(delay);
          // Real time is ~1.7e12 ms, so a fractional delay carries ~2.4e-4 ms of rounding, times speed.
          expect(Math.abs(clock.now() - target)).toBeLessThanOrEqual(speed * 1e-3);
          expect(clock.realDelayUntil(target)).toBeLessThanOrEqual(1e-3);
        },
      ),
    );
  });

  it("property: simulated time never runs backwards while real time moves forward", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.array(fc.nat(10_000), { maxLength: 50 }), (speed, steps) => {
        const real = fakeReal();
        const clock = createClock(speed, real.now);
        let last = clock.now();
        for (const s of steps) {
          real.advance(s);
          const t = clock.now();
          expect(t - last).toBe(s * speed);
          last = t;
        }
      }),
    );
  });
});
