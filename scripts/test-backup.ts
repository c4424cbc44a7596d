// Backup round trip of the embedded default (npm run test:backup): seeds a small demo book into a
// fresh PGlite folder, backs it up, restores the tarball into another fresh folder, and compares the
// row count of every table and the audit chain's head hash; exits 1 on any difference.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo } from "../prisma/seed/seed-demo";
import { verifyAuditChain } from "../server/audit/audit-service";
import { openDatabase, type Database } from "../server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "../server/db/migrate";
import { backupPgliteTo, restorePgliteFrom } from "../server/lifecycle/backup";

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`);
    out[t.name] = Number(r?.n ?? 0);
  }
  return out;
}

async function auditHead(db: Database) {
  const last = await db.prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  return { head: last ? `${last.id}:${last.hash}` : "none", verified: (await verifyAuditChain(db.prisma)).ok };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minute-desk-backup-"));
try {
  const src = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "src") });
  await runMigrations(src.sql, loadMigrations(migrationsDir()));
  await seedDemo(src.prisma, { seed: 7, symbols: 30, accounts: 300 });
  const before = await rowCounts(src);
  const headBefore = await auditHead(src);
  const file = path.join(dir, "backup.tar.gz");
  const t0 = performance.now();
  const bytes = await backupPgliteTo(src, file);
  const backupMs = performance.now() - t0;
  await src.close();
  const t1 = performance.now();
  await restorePgliteFrom(file, path.join(dir, "restored"));
  const restoreMs = performance.now() - t1;
  const dst = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "restored") });
  const after = await rowCounts(dst);
  const headAfter = await auditHead(dst);
  await dst.close();
  const diffs = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  const rows = Object.values(before).reduce((a, b) => a + b, 0);
  console.log(
    `backup ${(bytes / 1e6).toFixed(2)} MB in ${backupMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms; ` +
      `${Object.keys(before).length} tables, ${rows} rows; audit head ${headBefore.head} -> ${headAfter.head}, ` +
      `chain verified after restore: ${headAfter.verified}`,
  );
  if (diffs.length > 0 || headBefore.head !== headAfter.head || !headAfter.verified || rows === 0) {
    console.error(`MISMATCH: ${diffs.map((k) => `${k} ${before[k]} -> ${after[k]}`).join(", ") || "audit chain"}`);
    process.exitCode = 1;
  } else console.log("OK: every table's row count and the audit chain head match");
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
