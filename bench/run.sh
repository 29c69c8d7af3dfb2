#!/usr/bin/env bash
# npm run bench [-- NAME…]: runs the benchmarks (bench/*.bench.ts), each printing its figures.
# They need what the tests need (Redis, the testbed): run `npm test` once, or scripts/testbed/up.sh.
set -uo pipefail
source "$(dirname "$0")/../scripts/lib/system.sh"
cd "$REPO_DIR"
ensure_redis
mkdir -p bench/results
names=("$@")
[[ ${#names[@]} -eq 0 ]] && names=($(ls bench/*.bench.ts | xargs -n1 basename | sed 's/\.bench\.ts$//'))
status=0
for n in "${names[@]}"; do
  say "── bench: $n"
  npx tsx "bench/$n.bench.ts" | tee "bench/results/$n.txt" || status=1
done
exit $status
