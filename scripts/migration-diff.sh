#!/usr/bin/env bash
# Writes the SQL migration for one domain's schema file:
#   scripts/migration-diff.sh <domain> <migration-folder-name>
# e.g. scripts/migration-diff.sh risk 20261124200000_risk
# The diff goes from the core schema (00-base + core) to the core schema plus prisma/schema/<domain>.prisma,
# so domains stay independent of each other's unfinished files. Domain models refer to core models by
# scalar ids only (no Prisma relation fields into core.prisma). Needs a reachable PostgreSQL (DATABASE_URL,
# default the local server) because `prisma migrate diff` connects through the adapter.
set -euo pipefail
domain=${1:?domain name (the file prisma/schema/<domain>.prisma)}
name=${2:?migration folder name, e.g. 20261124200000_${domain}}
root=$(cd "$(dirname "$0")/.." && pwd)
from=$(mktemp -d) to=$(mktemp -d)
trap 'rm -rf "$from" "$to"' EXIT
cp "$root/prisma/schema/00-base.prisma" "$root/prisma/schema/core.prisma" "$from/"
cp "$from"/*.prisma "$to/"
cp "$root/prisma/schema/$domain.prisma" "$to/"
# the generator's relative output path must resolve the same way from the temp folders
sed -i "s|output     = \"../../server/db/generated\"|output     = \"$root/server/db/generated\"|" "$from/00-base.prisma" "$to/00-base.prisma"
mkdir -p "$root/prisma/migrations/$name"
cd "$root"
CHECKPOINT_DISABLE=1 npx prisma migrate diff --from-schema-datamodel "$from" --to-schema-datamodel "$to" --script \
  > "prisma/migrations/$name/migration.sql"
echo "wrote prisma/migrations/$name/migration.sql ($(wc -l < "prisma/migrations/$name/migration.sql") lines)"
