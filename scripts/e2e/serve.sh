#!/usr/bin/env bash
# The server Playwright tests run against: a fresh database with the demo data, a private
# redis-server (unless TAO_E2E_REDIS_URL is given), web + worker. One run per PORT at a time.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${PORT:-3100}"
dir=".data/e2e/$port"
mkdir -p "$dir"
rm -f "$dir"/tao.db*
export DATABASE_URL="file:$PWD/$dir/tao.db" TAO_DATA_DIR="$PWD/$dir"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
if [[ -n "${TAO_E2E_REDIS_URL:-}" ]]; then
  export REDIS_URL="$TAO_E2E_REDIS_URL"
else
  redis_port=$((port + 20000))
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$dir/redis.log" 2>&1 &
  pids+=($!)
  export REDIS_URL="redis://127.0.0.1:$redis_port"
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
fi

npx tsx scripts/migrate.ts >/dev/null
npx tsx scripts/seed-demo.ts
node_modules/.bin/tsx scripts/start.ts &
pids+=($!)
wait "${pids[-1]}"
