// Restores the embedded database from a backup tarball (the ADMIN backup, or PGlite dumpDataDir):
//   npm run db:restore -- <file.tar.gz>
// into <MINUTE_DESK_DATA_DIR>/pglite, which must be missing or empty (move the old folder aside and
// stop the app first). PostgreSQL restores use pg_restore / point-in-time recovery (docs/operations.md).
import path from "node:path";
import { getEnv } from "../server/env";
import { restorePgliteFrom } from "../server/lifecycle/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <backup.tar.gz>");
  process.exit(2);
}
const env = getEnv();
if (env.DATABASE_URL) {
  console.error("DATABASE_URL is set: restore PostgreSQL with pg_restore or point-in-time recovery instead.");
  process.exit(2);
}
const target = path.join(process.cwd(), env.MINUTE_DESK_DATA_DIR, "pglite");
await restorePgliteFrom(file, target);
console.log(`restored ${file} into ${target}`);
