// Password hashing: scrypt with a fresh 16-byte salt per hash, stored as
// scrypt$N$r$p$salt(base64)$key(base64), compared after NFKC normalisation.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import {
  getDummyHash,
  hashPassword,
  needsRehash,
  PRODUCTION_COST_N,
  setHashCostForTests,
  verifyPassword,
} from "./password";

// Most cases run at the legacy cost 2^14 through the test hook (fast, and still a format this
// module verifies); the production cost has its own block below.
setHashCostForTests(2 ** 14);

// 16 salt bytes -> 24 base64 chars ending "=="; 64 key bytes -> 88 base64 chars ending "==".
const STORED_FORMAT = /^scrypt\$16384\$8\$1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{86}==)$/;

function parts(stored: string): string[] {
  return stored.split("$");
}

function withPart(stored: string, index: number, value: string): string {
  const p = parts(stored);
  p[index] = value;
  return p.join("$");
}

/** Flips one bit of byte `byteIndex` of a base64 field, so the decoded bytes really differ. */
function flipBit(b64: string, byteIndex: number): string {
  const bytes = Buffer.from(b64, "base64");
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  return bytes.toString("base64");
}

describe("hashPassword / verifyPassword", () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword("password1");
  });

  it("round-trips: the hash of a password verifies against that password", async () => {
    expect(await verifyPassword("password1", stored)).toBe(true);
  });

  it("refuses a wrong password, including a change of case or one extra character", async () => {
    expect(await verifyPassword("password2", stored)).toBe(false);
    expect(await verifyPassword("PASSWORD1", stored)).toBe(false);
    expect(await verifyPassword("password1 ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("refuses any other password (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 24 }), async (guess) => {
        fc.pre(guess.normalize("NFKC") !== "password1");
        expect(await verifyPassword(guess, stored)).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it("stores scrypt$16384$8$1$<16-byte salt>$<64-byte key> in base64", () => {
    const m = STORED_FORMAT.exec(stored);
    expect(m).not.toBeNull();
    expect(Buffer.from(m?.[1] ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(m?.[2] ?? "", "base64")).toHaveLength(64);
  });

  it("draws a fresh salt for each hash: two hashes of one password differ and both verify", async () => {
    const again = await hashPassword("password1");
    expect(again).not.toBe(stored);
    expect(parts(again)[4]).not.toBe(parts(stored)[4]);
    expect(parts(again)[5]).not.toBe(parts(stored)[5]);
    expect(await verifyPassword("password1", again)).toBe(true);
    expect(await verifyPassword("password1", stored)).toBe(true);
  });

  it("fails when one bit of the stored key is changed (first, middle or last byte)", async () => {
    for (const byte of [0, 31, 63]) {
      const tampered = withPart(stored, 5, flipBit(parts(stored)[5] ?? "", byte));
      expect(tampered).not.toBe(stored);
      expect(await verifyPassword("password1", tampered)).toBe(false);
    }
  });

  it("fails when one bit of the stored salt is changed", async () => {
    const tampered = withPart(stored, 4, flipBit(parts(stored)[4] ?? "", 0));
    expect(tampered).not.toBe(stored);
    expect(await verifyPassword("password1", tampered)).toBe(false);
  });

  it("fails when the salt and key come from different hashes of the same password", async () => {
    const other = await hashPassword("password1");
    const mixed = withPart(stored, 4, parts(other)[4] ?? "");
    expect(await verifyPassword("password1", mixed)).toBe(false);
  });

  it("fails when a cost parameter is changed to another valid value", async () => {
    expect(await verifyPassword("password1", withPart(stored, 1, "32768"))).toBe(false);
    expect(await verifyPassword("password1", withPart(stored, 2, "4"))).toBe(false);
    expect(await verifyPassword("password1", withPart(stored, 3, "2"))).toBe(false);
  });

  it("returns false (does not throw) for stored strings of the wrong shape", async () => {
    const p = parts(stored);
    const malformed = [
      "",
      "scrypt",
      "not-a-hash",
      "$$$$$",
      ["bcrypt", ...p.slice(1)].join("$"), // wrong scheme
      ["SCRYPT", ...p.slice(1)].join("$"), // scheme is case-sensitive
      p.slice(0, 5).join("$"), // key missing
      [...p, "extra"].join("$"), // seven fields
      withPart(stored, 5, ""), // empty key
      withPart(stored, 5, "!!!!"), // key that is not base64 decodes to nothing
      withPart(stored, 1, "abc"), // N not a number
      withPart(stored, 2, "x"), // r not a number
      withPart(stored, 1, "1000"), // N not a power of two
      withPart(stored, 1, "262144"), // N beyond 2^17: refused before spending the memory
      withPart(stored, 1, "0"), // N = 0 would mean Node's default cost
      withPart(stored, 1, "1024"), // weaker than this module ever writes
      withPart(
        stored,
        5,
        Buffer.from(p[5] ?? "", "base64")
          .subarray(0, 1)
          .toString("base64"),
      ), // truncated key
    ];
    for (const s of malformed) {
      await expect(verifyPassword("password1", s), JSON.stringify(s)).resolves.toBe(false);
    }
  });

  it("refuses passwords shorter than 8 characters and accepts exactly 8", async () => {
    await expect(hashPassword("")).rejects.toThrow(/at least 8/);
    await expect(hashPassword("1234567")).rejects.toThrow(/at least 8/);
    const eight = await hashPassword("12345678");
    expect(await verifyPassword("12345678", eight)).toBe(true);
  });
});

describe("NFKC normalisation", () => {
  it("full-width ｐａｓｓｗｏｒｄ１ verifies against the hash of password1, and the other way round", async () => {
    // NFKC maps U+FF50.. (full-width Latin) and U+FF11 (full-width 1) to their ASCII forms.
    expect("ｐａｓｓｗｏｒｄ１".normalize("NFKC")).toBe("password1");
    const ascii = await hashPassword("password1");
    expect(await verifyPassword("ｐａｓｓｗｏｒｄ１", ascii)).toBe(true);
    const fullWidth = await hashPassword("ｐａｓｓｗｏｒｄ１");
    expect(await verifyPassword("password1", fullWidth)).toBe(true);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const composed = "caf\u00e9-pass"; // é as one code point
    const decomposed = "cafe\u0301-pass"; // e + combining acute
    expect(composed).not.toBe(decomposed);
    const stored = await hashPassword(composed);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
  });

  it("does not fold case or strip accents (NFKC is not a case fold)", async () => {
    const stored = await hashPassword("café-pass");
    expect(await verifyPassword("CAFÉ-PASS", stored)).toBe(false);
    expect(await verifyPassword("cafe-pass", stored)).toBe(false);
  });
});

describe("getDummyHash", () => {
  it("is one well-formed hash, computed once, that no ordinary password matches", async () => {
    const a = await getDummyHash();
    const b = await getDummyHash();
    expect(a).toBe(b);
    expect(a).toMatch(STORED_FORMAT);
    expect(await verifyPassword("password1", a)).toBe(false);
    expect(await verifyPassword("not-a-real-password-", a)).toBe(false);
  });
});

describe("production cost (OWASP: scrypt N >= 2^17, r = 8, p = 1)", () => {
  let stored: string;
  beforeAll(async () => {
    setHashCostForTests(null);
    stored = await hashPassword("password1");
  }, 60_000);
  afterAll(() => setHashCostForTests(2 ** 14));

  it("writes N = 131072 (2^17) and verifies it", async () => {
    expect(PRODUCTION_COST_N).toBe(131072);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(await verifyPassword("password1", stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  }, 60_000);

  it("still verifies a hash made at the old N = 2^14, and marks it for rehash", async () => {
    // Built here with node:crypto directly, in the old stored format, not with hashPassword.
    const salt = Buffer.from("00112233445566778899aabbccddeeff", "hex");
    const key = crypto.scryptSync("password1", salt, 64, { N: 16384, r: 8, p: 1 });
    const legacy = ["scrypt", "16384", "8", "1", salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword("password1", legacy)).toBe(true);
    expect(await verifyPassword("password2", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  }, 60_000);

  it("the test hook is refused outside the test runner", () => {
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(() => setHashCostForTests(1024)).toThrow(/test runner/);
    } finally {
      process.env.VITEST = saved;
    }
  });
});
