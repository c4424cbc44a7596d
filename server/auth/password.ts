// Password hashing with scrypt (node:crypto). Kept free of next-auth imports so that CLI
// scripts (seed, migrate) can use it (STACK.md: next-auth breaks in plain Node ESM scripts).
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LEN = 64;

/** Format: scrypt$N$r$p$salt(base64)$hash(base64). */
export async function hashPassword(password: string): Promise<string> {
  if ([...password.normalize("NFKC")].length < 8) throw new Error("Password must be at least 8 characters");
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEY_LEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  // Only parameters this module writes (or stronger): a tampered row must not weaken the check.
  const validCost = Number.isInteger(N) && N >= PARAMS.N && N <= 2 ** 17 && (N & (N - 1)) === 0;
  if (!validCost || !Number.isInteger(R) || R < 1 || R > 32 || !Number.isInteger(P) || P < 1 || P > 16) return false;
  const expected = Buffer.from(keyB64 ?? "", "base64");
  const salt = Buffer.from(saltB64 ?? "", "base64");
  if (expected.length !== KEY_LEN || salt.length < 16) return false;
  try {
    const key = await scrypt(password.normalize("NFKC"), salt, KEY_LEN, { N, r: R, p: P, maxmem: 256 * N * R + 1024 * 1024 });
    return crypto.timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + crypto.randomUUID());
  return dummyHash;
}
