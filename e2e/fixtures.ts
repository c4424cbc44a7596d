// Shared e2e helpers: the demo credentials the server printed (and wrote to its data folder),
// TOTP codes that are never reused (the server refuses a replayed code), a fresh manager or
// administrator per test, and signing in.
import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type Page } from "@playwright/test";
import { generateTotpCode } from "../server/auth/totp";
import { E2E_DATA_DIR } from "../playwright.config";

export interface DemoCredential {
  email: string;
  role: "RISK" | "COMPLIANCE" | "MANAGER" | "ADMIN" | "AUDITOR";
  password: string;
  totpSecret: string | null;
}

export function demoCredentials(): DemoCredential[] {
  return JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "demo-credentials.json"), "utf8")) as DemoCredential[];
}

export function credentialFor(email: string): DemoCredential {
  const c = demoCredentials().find((d) => d.email === email);
  if (!c) throw new Error(`no demo user ${email}`);
  return c;
}

/**
 * The last TOTP step used per secret, kept in the data folder rather than in memory: a retry runs in a
 * new worker process, and a code the server already accepted would be refused as a replay.
 */
const stepsFile = () => path.join(E2E_DATA_DIR, "e2e-totp-steps.json");

function readSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile(), "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** A code for a time step not used before in this run; waits for the next step when needed. */
export async function freshTotp(secret: string): Promise<string> {
  const current = () => Math.floor(Date.now() / 30_000);
  const target = Math.max(current(), (readSteps()[secret] ?? -1) + 1);
  // The server accepts one step ahead; further ahead we wait until the clock gets there.
  await expect.poll(() => current() >= target - 1, { timeout: 65_000, intervals: [1000] }).toBe(true);
  fs.writeFileSync(stepsFile(), JSON.stringify({ ...readSteps(), [secret]: target }));
  return generateTotpCode(secret, target * 30_000 + 1000);
}

/**
 * A manager or administrator no other test has used in this run (the server seeds DEMO_EXTRA_STAFF of
 * each), so a test never waits for a TOTP step another test consumed. The claim is a file created
 * exclusively, so it also holds across workers and retries.
 */
export function claimStaff(role: "MANAGER" | "ADMIN"): DemoCredential {
  for (const c of demoCredentials()) {
    if (c.role !== role || !/-e\d+@/.test(c.email)) continue;
    try {
      fs.closeSync(fs.openSync(path.join(E2E_DATA_DIR, `e2e-claim-${c.email}`), "wx"));
      return c;
    } catch {
      // claimed by an earlier test
    }
  }
  throw new Error(`no unclaimed ${role} left: raise DEMO_EXTRA_STAFF in playwright.config.ts`);
}

export async function signIn(
  page: Page,
  email: string,
  opts: { totp?: boolean; /** ms to wait for the desk (password hashing on a loaded server) */ timeout?: number } = {},
): Promise<void> {
  const cred = credentialFor(email);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(cred.email);
  await page.getByLabel("Password").fill(cred.password);
  if (cred.totpSecret && opts.totp !== false) {
    await page.getByLabel("Authenticator code").fill(await freshTotp(cred.totpSecret));
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk/, opts.timeout ? { timeout: opts.timeout } : undefined);
}

export const test = base;
export { expect };
