// Backup and restore of the embedded default (PGlite): the data folder as one gzipped tarball
// (PGlite's dumpDataDir), restored by opening a fresh, empty folder from it. PostgreSQL is backed up
// with its own tools (pg_dump, base backups and WAL archiving; docs/operations.md).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "../db/connection";
import { AppError } from "../errors";

/** Writes the PGlite data folder of `db` to `file` (a .tar.gz); returns its size in bytes. */
export async function backupPgliteTo(db: Database, file: string): Promise<number> {
  if (!db.dumpDataDir) throw new AppError("BAD_REQUEST", "Back up PostgreSQL with pg_dump (see the operations guide).");
  const blob = await db.dumpDataDir();
  const bytes = Buffer.from(await blob.arrayBuffer());
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return bytes.byteLength;
}

/** Creates the data folder `dataDir` (which must be missing or empty) from a backup tarball. */
export async function restorePgliteFrom(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new AppError("CONFLICT", `Restore needs an empty data folder; ${dataDir} is not empty.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const lite = new PGlite(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await lite.waitReady;
  await lite.close();
}
