#!/usr/bin/env bash
# `npm run demo`: tao with demo data on this machine, deploying for real to a local testbed.
#   installs missing system packages → Redis (starts one if none answers) → testbed (registry + SSH
#   hosts with rootless podman) → database (migrate + seed) → build → web + worker on :3000.
# `npm run demo:stop` (this script with "stop") stops web, worker and the testbed.
set -euo pipefail
source "$(dirname "$0")/lib/system.sh"
cd "$REPO_DIR"
export PORT="${PORT:-3000}"

if [[ "${1:-}" == "stop" ]]; then
  pkill -f "tsx scripts/start.ts" 2>/dev/null || true
  bash scripts/testbed/down.sh
  exit 0
fi

ensure_packages "${SYSTEM_PACKAGES[@]}"
ensure_node_modules
ensure_redis
bash scripts/testbed/up.sh
say "preparing the database"
npx tsx scripts/migrate.ts >/dev/null
npx tsx scripts/seed-demo.ts
if [[ ! -f .next/BUILD_ID || -n "$(find app components lib proxy.ts next.config.js -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]]; then
  say "building the web app (about a minute)"
  npx next build >/dev/null
fi

cat <<MSG

  tao is starting at http://localhost:$PORT
  sign in as   admin / tao-admin-demo     (everything)
               qa    / tao-qa-demo        (deploys to unprotected environments)
               viewer / tao-viewer-demo   (read only)
  environments test-1, test-2 and customer-demo (protected) run on the local testbed.
  Stop with Ctrl-C; \`npm run demo:stop\` also stops the testbed.

MSG
exec node_modules/.bin/tsx scripts/start.ts
