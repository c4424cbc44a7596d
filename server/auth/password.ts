// Password hashing with scrypt (node:crypto). Kept free of next-auth imports so that CLI
// scripts (seed, migrate) can use it (STACK.md: next-auth breaks in plain Node ESM scripts).
// Cost: N = 2^17, r = 8, p = 1 (OWASP's minimum for scrypt); hashes made with the earlier
// N = 2^14 still verify and are rehashed at the next successful sign-in (needsRehash).
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export const PRODUCTION_COST_N = 2 ** 17;
const LEGACY_COST_N = 2 ** 14; // what this module wrote before; still verified
const R = 8;
const P = 1;
const KEY_LEN = 64;
// Each scrypt at N = 2^17, r = 8 holds 128 MiB; at most this many run at once, so a burst of
// sign-ins cannot take the process's memory (the throttle keeps the queue short).
const MAX_CONCURRENT = 2;

let costN = PRODUCTION_COST_N;
// The weakest cost verified: the legacy one, or lower only after the test hook asked for it.
let minAcceptedN = LEGACY_COST_N;

/**
 * Test hook: a lower cost so suites that sign in often stay fast. Refused outside the test
 * runner, so no production configuration can weaken hashing. Pass null to restore production.
 */
export function setHashCostForTests(n: number | null): void {
  if (!process.env.VITEST) throw new Error("setHashCostForTests is for the test runner only");
  if (n !== null && (!Number.isInteger(n) || n < 2 ** 10 || (n & (n - 1)) !== 0))
    throw new Error("N must be a power of two >= 1024");
  costN = n ?? PRODUCTION_COST_N;
  if (n !== null) minAcceptedN = Math.min(minAcceptedN, n);
}

let running = 0;
const waiting: (() => void)[] = [];
async function runScrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await scrypt(password.normalize("NFKC"), salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Format: scrypt$N$r$p$salt(base64)$hash(base64). */
export async function hashPassword(password: string): Promise<string> {
  if ([...password.normalize("NFKC")].length < 8) throw new Error("Password must be at least 8 characters");
  const salt = crypto.randomBytes(16);
  const key = await runScrypt(password, salt, costN, R, P);
  return ["scrypt", costN, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const N = Number(n);
  const rr = Number(r);
  const pp = Number(p);
  // Only parameters this module writes or wrote: a tampered row must not weaken the check, and a
  // huge N must not make us allocate it.
  const validCost = Number.isInteger(N) && N >= minAcceptedN && N <= PRODUCTION_COST_N && (N & (N - 1)) === 0;
  if (!validCost || !Number.isInteger(rr) || rr < 1 || rr > 32 || !Number.isInteger(pp) || pp < 1 || pp > 16)
    return false;
  const expected = Buffer.from(keyB64 ?? "", "base64");
  const salt = Buffer.from(saltB64 ?? "", "base64");
  if (expected.length !== KEY_LEN || salt.length < 16) return false;
  try {
    const key = await runScrypt(password, salt, N, rr, pp);
    return crypto.timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/** True when a stored hash is weaker than what hashPassword writes now (rehash after sign-in). */
export function needsRehash(stored: string): boolean {
  const [, n, r, p] = stored.split("$");
  return Number(n) < costN || Number(r) !== R || Number(p) !== P;
}

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
let dummyHash: { n: number; hash: Promise<string> } | undefined;
export function getDummyHash(): Promise<string> {
  if (dummyHash?.n !== costN)
    dummyHash = { n: costN, hash: hashPassword("not-a-real-password-" + crypto.randomUUID()) };
  return dummyHash.hash;
}
