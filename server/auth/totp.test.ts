// TOTP (RFC 6238, SHA-1, 30 s step, 6 digits): the RFC's own test vectors, the +-1 step window,
// the returned counter, replay refusal and the 5-minute step-up freshness rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTotp, generateTotpCode, generateTotpSecret, isStepUpFresh, STEP_UP_MAX_AGE_MS, totpUri } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", here in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const STEP_MS = 30_000;

describe("generateTotpCode: RFC 6238 Appendix B (SHA-1), last 6 of the 8 published digits", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("T = %i s -> %s", (seconds, rfc8) => {
    const code = generateTotpCode(RFC_SECRET, seconds * 1000);
    expect(code).toBe(rfc8.slice(2));
    expect(code).toMatch(/^\d{6}$/);
  });

  it("the RFC secret is the base32 encoding of ASCII 12345678901234567890", async () => {
    // RFC 4648 base32 of "12345678901234567890", written out by hand per 5-byte group:
    // "12345" -> GEZDGNBV, "67890" -> GY3TQOJQ.
    expect(RFC_SECRET).toBe("GEZDGNBV" + "GY3TQOJQ" + "GEZDGNBV" + "GY3TQOJQ");
  });

  it("is constant within a 30 s step and changes at the step boundary", async () => {
    // T = 59 s is in step 1 (30 s..59.999 s); its code is the RFC's 287082.
    expect(generateTotpCode(RFC_SECRET, 30_000)).toBe("287082");
    expect(generateTotpCode(RFC_SECRET, 59_999)).toBe("287082");
    expect(generateTotpCode(RFC_SECRET, 60_000)).not.toBe("287082");
    expect(generateTotpCode(RFC_SECRET, 29_999)).not.toBe("287082");
  });
});

describe("checkTotp", () => {
  // Step 37037036 holds T = 1111111109 s (RFC code 081804); take the middle of that step.
  const step = 37037036;
  const now = step * STEP_MS + 15_000;
  const codeAt = (s: number) => generateTotpCode(RFC_SECRET, s * STEP_MS + 15_000);

  it("accepts the RFC code at its own time and returns floor(ms / 30000)", async () => {
    expect(await checkTotp("287082", RFC_SECRET, 59_000, null)).toBe(1);
    expect(await checkTotp("081804", RFC_SECRET, 1111111109_000, null)).toBe(37037036);
    expect(await checkTotp("353130", RFC_SECRET, 20000000000_000, null)).toBe(666666666);
  });

  it("accepts the previous and next step's codes, returning counter + delta", async () => {
    expect(codeAt(step)).toBe("081804");
    expect(await checkTotp(codeAt(step), RFC_SECRET, now, null)).toBe(step);
    expect(await checkTotp(codeAt(step - 1), RFC_SECRET, now, null)).toBe(step - 1);
    expect(await checkTotp(codeAt(step + 1), RFC_SECRET, now, null)).toBe(step + 1);
  });

  it("refuses a code two steps away on either side", async () => {
    // Precondition: the five codes are distinct, so a refusal cannot be a collision's accident.
    const codes = [-2, -1, 0, 1, 2].map((d) => codeAt(step + d));
    expect(new Set(codes).size).toBe(5);
    expect(await checkTotp(codeAt(step - 2), RFC_SECRET, now, null)).toBeNull();
    expect(await checkTotp(codeAt(step + 2), RFC_SECRET, now, null)).toBeNull();
  });

  it("places the window by floor(ms / 30000): last ms of a step vs first ms of the next", async () => {
    const lastMsOfStep = (step + 1) * STEP_MS - 1; // still in `step`
    const firstMsOfNext = (step + 1) * STEP_MS; // in `step + 1`
    // The code of step - 1 is one step back at lastMsOfStep but two steps back at firstMsOfNext.
    expect(await checkTotp(codeAt(step - 1), RFC_SECRET, lastMsOfStep, null)).toBe(step - 1);
    expect(await checkTotp(codeAt(step - 1), RFC_SECRET, firstMsOfNext, null)).toBeNull();
    // The code of step + 2 is two ahead at lastMsOfStep but one ahead at firstMsOfNext.
    expect(await checkTotp(codeAt(step + 2), RFC_SECRET, lastMsOfStep, null)).toBeNull();
    expect(await checkTotp(codeAt(step + 2), RFC_SECRET, firstMsOfNext, null)).toBe(step + 2);
  });

  it("refuses a wrong code and a code for another secret", async () => {
    const other = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const wrong = ["000000", "999999", "123456"].find((c) => ![-1, 0, 1].some((d) => codeAt(step + d) === c));
    expect(wrong).toBeDefined();
    expect(await checkTotp(wrong ?? "", RFC_SECRET, now, null)).toBeNull();
    const otherCode = generateTotpCode(other, now);
    // Only meaningful if the other secret's code is not also valid for the RFC secret.
    expect([-1, 0, 1].some((d) => codeAt(step + d) === otherCode)).toBe(false);
    expect(await checkTotp(otherCode, RFC_SECRET, now, null)).toBeNull();
  });

  it("refuses replay: a code whose counter is <= lastCounter", async () => {
    const current = codeAt(step);
    const accepted = await checkTotp(current, RFC_SECRET, now, null);
    expect(accepted).toBe(step);
    // The same code again, once its counter is stored.
    expect(await checkTotp(current, RFC_SECRET, now, step)).toBeNull();
    // An older (but in-window) code after a newer one was used.
    expect(await checkTotp(codeAt(step - 1), RFC_SECRET, now, step)).toBeNull();
    // Everything in the window is refused once the next step's code was used (early clock).
    expect(await checkTotp(current, RFC_SECRET, now, step + 1)).toBeNull();
    expect(await checkTotp(codeAt(step + 1), RFC_SECRET, now, step + 1)).toBeNull();
  });

  it("accepts a later code after one was used", async () => {
    expect(await checkTotp(codeAt(step), RFC_SECRET, now, step - 1)).toBe(step);
    expect(await checkTotp(codeAt(step + 1), RFC_SECRET, now, step)).toBe(step + 1);
    // Thirty seconds later the next step's code is current and still beats the stored counter.
    expect(await checkTotp(codeAt(step + 1), RFC_SECRET, now + STEP_MS, step)).toBe(step + 1);
  });

  it.each([
    ["", "empty"],
    ["28708", "5 digits"],
    ["2870820", "7 digits"],
    ["94287082", "the RFC's 8 digits"],
    ["28708a", "a letter"],
    [" 287082", "leading space"],
    ["287082 ", "trailing space"],
    ["287082\n", "trailing newline"],
    ["287 082", "inner space"],
    ["+28708", "a sign"],
    ["２８７０８２", "full-width digits"],
  ])("refuses %j (%s) even when the digits would be right", async (input) => {
    expect(await checkTotp("287082", RFC_SECRET, 59_000, null)).toBe(1);
    expect(await checkTotp(input, RFC_SECRET, 59_000, null)).toBeNull();
  });

  it("property: a code from step offset d in {-1,0,1} is accepted with counter floor(ms/30000)+d", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2 * STEP_MS, max: 4_000_000_000_000 }),
        fc.constantFrom(-1, 0, 1),
        async (ms, d) => {
          const base = Math.floor(ms / STEP_MS);
          const window = [-1, 0, 1].map((k) => generateTotpCode(RFC_SECRET, ms + k * STEP_MS));
          fc.pre(new Set(window).size === 3); // a 6-digit collision would make delta ambiguous
          const code = generateTotpCode(RFC_SECRET, ms + d * STEP_MS);
          expect(await checkTotp(code, RFC_SECRET, ms, null)).toBe(base + d);
          expect(await checkTotp(code, RFC_SECRET, ms, base + d)).toBeNull();
          expect(await checkTotp(code, RFC_SECRET, ms, base + d - 1)).toBe(base + d);
        },
      ),
    );
  });
});

describe("secrets enrolled under otplib 12 keep working", () => {
  // otplib 12 stored authenticator.generateSecret(20): 20 random bytes in RFC 4648 base32 without
  // padding, i.e. exactly the shape of the RFC 6238 seed above. Its codes are the RFC's published
  // values, so a v12 enrollment verifies under v13 when the RFC vectors do.
  it.each([
    [59, "287082", 1],
    [1111111109, "081804", 37037036],
    [1234567890, "005924", 41152263],
    [2000000000, "279037", 66666666],
  ])(
    "T = %i s: code %s is accepted at step %i, and refused once that step is stored",
    async (seconds, code, counter) => {
      expect(Math.floor(seconds / 30)).toBe(counter);
      expect(await checkTotp(code, RFC_SECRET, seconds * 1000, null)).toBe(counter);
      expect(await checkTotp(code, RFC_SECRET, seconds * 1000, counter)).toBeNull();
    },
  );
});

describe("generateTotpSecret / totpUri", () => {
  it("makes a 20-byte (32-char base32) secret whose codes verify, and a different one each time", async () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(a).not.toBe(b);
    const t = 1_700_000_000_000;
    expect(await checkTotp(generateTotpCode(a, t), a, t, null)).toBe(Math.floor(t / STEP_MS));
  });

  it("builds an otpauth URI with the issuer, account and secret", async () => {
    const uri = new URL(totpUri(RFC_SECRET, "manager@demo.local"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Minute Desk:manager@demo.local");
    expect(uri.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Minute Desk");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("isStepUpFresh", () => {
  const now = Date.UTC(2026, 0, 5, 1, 30, 0);

  it("is 5 minutes", async () => {
    expect(STEP_UP_MAX_AGE_MS).toBe(300_000);
  });

  it("is fresh at exactly 5 minutes and stale 1 ms later", async () => {
    expect(isStepUpFresh(new Date(now - 300_000), now)).toBe(true);
    expect(isStepUpFresh(new Date(now - 300_001), now)).toBe(false);
  });

  it("is fresh just now and stale long ago", async () => {
    expect(isStepUpFresh(new Date(now), now)).toBe(true);
    expect(isStepUpFresh(new Date(now - 1), now)).toBe(true);
    expect(isStepUpFresh(new Date(now - 24 * 3600_000), now)).toBe(false);
  });

  it("is stale when there was never a step-up", async () => {
    expect(isStepUpFresh(null, now)).toBe(false);
  });
});
