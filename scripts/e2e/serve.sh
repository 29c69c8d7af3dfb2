#!/usr/bin/env bash
# The server Playwright tests run against: a fresh database with the demo data, web + worker.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=".data/e2e/${PORT:-3100}"
mkdir -p "$dir"
rm -f "$dir"/tao.db*
export DATABASE_URL="file:$PWD/$dir/tao.db" TAO_DATA_DIR="$PWD/$dir"
npx tsx scripts/migrate.ts >/dev/null
npx tsx scripts/seed-demo.ts
exec npx tsx scripts/start.ts
