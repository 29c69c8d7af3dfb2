#!/usr/bin/env bash
# npm run db:new-migration -- NAME
# Writes prisma/migrations/<timestamp>_NAME/migration.sql for what changed in prisma/schema.prisma
# since the last migration. Each migration folder keeps a copy of the schema it produced
# (schema.prisma): Prisma's shadow database does not work through the SQLite driver adapter here, so
# the diff is schema-to-schema, which works offline. Serialised with a lock: safe to run concurrently.
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: npm run db:new-migration -- NAME}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "NAME: lower-case letters, digits and _" >&2; exit 2; }
mkdir -p .data
exec 9>.data/new-migration.lock
flock 9

last="$(ls -d prisma/migrations/*/ | sort | tail -n 1)"
from=(--from-empty)
[[ -f "$last/schema.prisma" ]] && from=(--from-schema-datamodel "$last/schema.prisma")
export DATABASE_URL="${DATABASE_URL:-file:$PWD/.data/tao.db}"
sql="$(npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script 2>/dev/null)"
if ! grep -qv '^--\|^$' <<<"$sql"; then
  echo "no schema changes since $(basename "$last")"
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" >"$dir/migration.sql"
cp prisma/schema.prisma "$dir/schema.prisma"

# Prove the whole chain applies to an empty database.
tmp="$(mktemp -d)"
DATABASE_URL="file:$tmp/check.db" npx prisma migrate deploy >/dev/null
rm -rf "$tmp"
npx tsx scripts/prisma.ts generate >/dev/null
echo "created $dir"
