// Demo mode seeding (DESIGN 11): demo users for every role and the demo book (symbols, accounts,
// positions). Runs once, in one transaction, marked done by the "demo.seededAt" setting; the
// runtime calls it only in demo mode. Bar history is backfilled by the engine (history.ts).
import crypto from "node:crypto";
import type { PrismaClient } from "../../server/db/generated/client";
import { appendAuditEvent } from "../../server/audit/audit-service";
import { hashPassword } from "../../server/auth/password";
import type { Role } from "../../server/auth/roles";
import { generateTotpSecret } from "../../server/auth/totp";
import { generateDemoBook } from "./demo-book";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "risk@demo.local", name: "Risk Desk (Demo)", role: "RISK" },
  { email: "compliance@demo.local", name: "Compliance Officer (Demo)", role: "COMPLIANCE" },
  { email: "manager@demo.local", name: "Manager One (Demo)", role: "MANAGER" },
  { email: "manager2@demo.local", name: "Manager Two (Demo)", role: "MANAGER" },
  { email: "admin@demo.local", name: "Administrator (Demo)", role: "ADMIN" },
  // A second administrator: access changes need two (four eyes on access, DESIGN 0).
  { email: "admin2@demo.local", name: "Administrator Two (Demo)", role: "ADMIN" },
  { email: "auditor@demo.local", name: "Auditor (Demo)", role: "AUDITOR" },
];

/**
 * DEMO_USERS plus `extraStaff` more managers and administrators (manager-e1@demo.local, admin-e1@demo.local, ...):
 * the end-to-end suite gives each test its own, so no test waits for a fresh TOTP step of a user another test used.
 */
export function demoUsers(extraStaff = 0): Array<{ email: string; name: string; role: Role }> {
  const extra = Array.from({ length: extraStaff }, (_, i) => [
    { email: `manager-e${i + 1}@demo.local`, name: `Manager E${i + 1} (Demo)`, role: "MANAGER" as const },
    { email: `admin-e${i + 1}@demo.local`, name: `Administrator E${i + 1} (Demo)`, role: "ADMIN" as const },
  ]).flat();
  return [...DEMO_USERS, ...extra];
}

export interface DemoCredential {
  email: string;
  role: Role;
  password: string;
  totpSecret: string | null;
}

const SEEDED_KEY = "demo.seededAt";

export async function isDemoSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.setting.findUnique({ where: { key: SEEDED_KEY } })) !== null;
}

export async function seedDemo(
  prisma: PrismaClient,
  opts: { seed: number; symbols: number; accounts: number; extraStaff?: number },
): Promise<DemoCredential[]> {
  const book = generateDemoBook(opts);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = demoUsers(opts.extraStaff);
  const credentials: DemoCredential[] = users.map((u) => ({
    email: u.email,
    role: u.role,
    password: DEMO_PASSWORD,
    totpSecret: u.role === "MANAGER" || u.role === "ADMIN" ? generateTotpSecret() : null,
  }));

  await prisma.$transaction(
    async (tx) => {
      const now = new Date();
      await tx.user.createMany({
        data: users.map((u, i) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          totpSecret: credentials[i]?.totpSecret ?? null,
          totpEnrolledAt: credentials[i]?.totpSecret ? now : null,
        })),
      });
      await tx.symbol.createMany({ data: book.symbols });
      const accountIds = book.accounts.map(() => crypto.randomUUID());
      for (let i = 0; i < book.accounts.length; i += 1000) {
        await tx.account.createMany({
          data: book.accounts.slice(i, i + 1000).map((a, j) => ({
            id: accountIds[i + j] ?? crypto.randomUUID(),
            code: a.code,
            clientName: a.clientName,
            kycLevel: a.kycLevel,
            cash: a.cash.toFixed(2),
            debt: a.debt.toFixed(2),
          })),
        });
      }
      const positions = book.accounts.flatMap((a, i) =>
        a.positions.map((p) => ({
          accountId: accountIds[i] ?? "",
          symbolCode: p.symbolCode,
          qty: p.qty,
          avgCost: p.avgCost.toFixed(4),
        })),
      );
      for (let i = 0; i < positions.length; i += 2000) {
        await tx.position.createMany({ data: positions.slice(i, i + 2000) });
      }
      await tx.setting.create({ data: { key: SEEDED_KEY, value: now.toISOString() } });
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  await appendAuditEvent(prisma, {
    action: "system.demoSeeded",
    targetType: "System",
    after: { symbols: book.symbols.length, accounts: book.accounts.length, users: users.length },
  });
  return credentials;
}
