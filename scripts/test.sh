#!/usr/bin/env bash
# `npm test`: every suite, with what they need prepared first. Ends with "N passed, N failed".
#   static checks (Biome, TypeScript) → unit + integration (Vitest: real SQLite, Redis, testbed)
#   → production build → end-to-end (Playwright in Debian's Chromium: web + worker + testbed)
set -uo pipefail
source "$(dirname "$0")/lib/system.sh"
cd "$REPO_DIR"

ensure_packages "${SYSTEM_PACKAGES[@]}"
ensure_node_modules
ensure_redis
TAO_TESTBED_HOSTS="${TAO_TESTBED_HOSTS:-4}" bash scripts/testbed/up.sh || die "the testbed did not start"

out=.data/test-results
rm -rf "$out" && mkdir -p "$out"
passed=0
failed=0
summary=()

record() { # name passed failed
  passed=$((passed + $2))
  failed=$((failed + $3))
  summary+=("$(printf '%-12s %5s passed, %s failed' "$1" "$2" "$3")")
}

check() { # name command...
  local name=$1
  shift
  say "── $name: $*"
  if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi
}

counts() { # file jq-like expression evaluated by node → "passed failed"
  node -e '
    const fs = require("fs");
    const [file, kind] = process.argv.slice(1);
    if (!fs.existsSync(file)) { console.log("0 1"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") {
      // skipped or todo tests count as failures: none may be left behind
      console.log(`${r.numPassedTests} ${r.numFailedTests + r.numPendingTests + r.numTodoTests + (r.success || r.numFailedTests ? 0 : 1)}`);
    } else {
      const s = r.stats;
      console.log(`${s.expected + s.flaky} ${s.unexpected + s.skipped + (r.errors?.length ? 1 : 0)}`);
    }' "$1" "$2"
}

check lint npx biome check .
check typecheck npx tsc --noEmit -p .

say "── unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
read -r p f < <(counts "$out/vitest.json" vitest)
record vitest "$p" "$f"

check build npx next build

say "── end-to-end (playwright)"
rm -f .data/e2e/3100/results.json
TAO_E2E_PORT=3100 npx playwright test
read -r p f < <(counts .data/e2e/3100/results.json playwright)
record e2e "$p" "$f"

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
