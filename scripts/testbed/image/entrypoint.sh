#!/bin/sh
# Entrypoint of the tao testbed demo images (runs under busybox sh, PID 1).
#
# One byte-identical rootfs layer is shared by every testbed image; each image
# only differs in its config (ENV set with `podman import --change`):
#   TAO_COMPONENT  component name written to index.html      (e.g. component-a)
#   TAO_VERSION    version/tag written to index.html         (e.g. v1.1.0)
#   TAO_REPO       repository (informational)                 (e.g. demo/component-a)
#   PORT           port busybox httpd listens on (all addresses)
#   TAO_MODE       normal | broken | slow-start | chatty
# Tunables (can be overridden with `-e` at run time):
#   START_DELAY    slow-start: seconds before serving        (default 5)
#   EXIT_CODE      broken: exit code                          (default 1)
#   LINES_PER_SEC  chatty: stdout lines per second, 0 = as fast as possible (default 1000)
#   LINE_COUNT     chatty: number of lines before serving     (default 100000)
#   WWW_DIR        document root                              (default /www)
#
# Served files: /index.html = "<component> <version>\n", /health = "ok\n",
#               /info.json  = {component, version, repo, mode, port, host, started}.

COMPONENT="${TAO_COMPONENT:-unknown}"
VERSION="${TAO_VERSION:-unknown}"
REPO="${TAO_REPO:-unknown}"
PORT="${PORT:-8080}"
MODE="${TAO_MODE:-normal}"
WWW="${WWW_DIR:-/www}"
child=""

log() { echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') [$COMPONENT $VERSION] $*"; }

# shellcheck disable=SC2317 # invoked by trap
on_term() {
  log "stop signal received, shutting down"
  if [ -n "$child" ]; then kill "$child" 2>/dev/null; fi
  exit 0
}
trap on_term TERM INT HUP

is_uint() { case "$1" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

case "$MODE" in
  broken) ;;
  *) log "starting (mode=$MODE port=$PORT host=${TAO_TESTBED_HOST:-?})" ;;
esac

case "$MODE" in
  normal) ;;
  broken)
    echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') [$COMPONENT $VERSION] FATAL: simulated startup failure (tag broken)" >&2
    exit "${EXIT_CODE:-1}"
    ;;
  slow-start)
    delay="${START_DELAY:-5}"
    log "slow start: waiting ${delay}s before serving"
    sleep "$delay" &
    child=$!
    wait "$child"
    child=""
    ;;
  chatty)
    rate="${LINES_PER_SEC:-1000}"
    count="${LINE_COUNT:-100000}"
    is_uint "$rate" || rate=1000
    is_uint "$count" || count=100000
    log "chatty: printing $count lines at ${rate}/s"
    if [ "$rate" -eq 0 ]; then
      awk -v s=1 -v e="$count" -v c="$COMPONENT" \
        'BEGIN { for (i = s; i <= e; i++) printf "%s chatty line %d of %d\n", c, i, e }'
    else
      # Batches of rate/10 lines every 0.1 s (at least 1 line per batch).
      batch=$((rate / 10))
      pause="0.1"
      if [ "$batch" -lt 1 ]; then
        batch=1
        pause=$(awk -v r="$rate" 'BEGIN { printf "%.3f", 1 / r }')
      fi
      i=1
      while [ "$i" -le "$count" ]; do
        j=$((i + batch - 1))
        if [ "$j" -gt "$count" ]; then j=$count; fi
        awk -v s="$i" -v e="$j" -v n="$count" -v c="$COMPONENT" \
          'BEGIN { for (i = s; i <= e; i++) printf "%s chatty line %d of %d\n", c, i, n }'
        i=$((j + 1))
        sleep "$pause"
      done
    fi
    log "chatty: done printing"
    ;;
  *)
    log "unknown TAO_MODE '$MODE', behaving as normal"
    ;;
esac

# Document root: written at start (errors ignored, e.g. for a read-only volume).
mkdir -p "$WWW" 2>/dev/null
{
  printf '%s %s\n' "$COMPONENT" "$VERSION" >"$WWW/index.html"
  printf 'ok\n' >"$WWW/health"
  printf '{"component":"%s","version":"%s","repo":"%s","mode":"%s","port":"%s","host":"%s","started":"%s"}\n' \
    "$COMPONENT" "$VERSION" "$REPO" "$MODE" "$PORT" "${TAO_TESTBED_HOST:-}" \
    "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" >"$WWW/info.json"
} 2>/dev/null

busybox httpd -f -p "$PORT" -h "$WWW" &
child=$!
log "serving $WWW on port $PORT (pid $child)"
wait "$child"
rc=$?
log "httpd exited with code $rc"
exit "$rc"
