// Shared e2e helpers: the demo credentials the server printed (and wrote to its data folder),
// TOTP codes that are never reused (the server refuses a replayed code), and signing in.
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

const lastStep = new Map<string, number>();

/** A code for a time step not used before in this run; waits for the next step when needed. */
export async function freshTotp(secret: string): Promise<string> {
  const current = () => Math.floor(Date.now() / 30_000);
  const target = Math.max(current(), (lastStep.get(secret) ?? -1) + 1);
  // The server accepts one step ahead; further ahead we wait until the clock gets there.
  await expect.poll(() => current() >= target - 1, { timeout: 65_000, intervals: [1000] }).toBe(true);
  lastStep.set(secret, target);
  return generateTotpCode(secret, target * 30_000 + 1000);
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
