// Creates a user from the command line (the first administrator in production):
//   DATABASE_URL=postgresql://... npm run user:create -- admin@bank.cn "Ada Admin" ADMIN
// The password is read from the MINUTE_DESK_PASSWORD variable (never from argv, which shows in
// process lists). MANAGER and ADMIN users enroll TOTP at their first sign-in.
import { createUser } from "../server/auth/users";
import { isRole } from "../server/auth/roles";
import { openDatabase } from "../server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "../server/db/migrate";
import { getEnv } from "../server/env";

const [email, name, role] = process.argv.slice(2);
const password = process.env.MINUTE_DESK_PASSWORD ?? "";
const env = getEnv();
if (!email || !name || !isRole(role)) {
  console.error(
    'usage: npm run user:create -- <email> "<name>" <RISK|COMPLIANCE|MANAGER|ADMIN|AUDITOR>  (password in MINUTE_DESK_PASSWORD)',
  );
  process.exit(2);
}
if (password.length < 12) {
  console.error("MINUTE_DESK_PASSWORD must hold the initial password (at least 12 characters)");
  process.exit(2);
}
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL: required (in demo mode use the demo users, or the Users page as admin@demo.local)");
  process.exit(2);
}
const db = await openDatabase({ kind: "postgres", url: env.DATABASE_URL, max: 1 });
try {
  await runMigrations(db.sql, loadMigrations(migrationsDir()));
  const system = { id: "system", email: "cli", name: "command line", role: "ADMIN" as const, totpPending: false };
  // Direct creation: the command line is the bootstrap path (someone with database access).
  const created = await createUser(db.prisma, system, { email, name, role, password }, { bootstrap: true });
  console.log(`created ${created.email} (${role})`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
