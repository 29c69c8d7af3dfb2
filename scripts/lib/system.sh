# shellcheck shell=bash
# Helpers shared by demo.sh and test.sh: system packages and a Redis to talk to.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1

say() { echo "[tao] $*"; }
die() {
  echo "[tao] error: $*" >&2
  exit 1
}

# Debian packages the demo and the tests need: the testbed (podman, registry, sshd, busybox),
# Chromium for Playwright, Redis when none runs, sqlite3 for the benchmarks' floor.
SYSTEM_PACKAGES=(podman runc docker-registry openssh-server busybox-static uidmap slirp4netns fuse-overlayfs
  apache2-utils chromium fonts-noto-cjk redis-server redis-tools sqlite3 iproute2 procps curl)

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ "$(id -u)" -eq 0 ]] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } ||
    die "apt-get could not install ${missing[*]}"
}

# REDIS_URL (default redis://127.0.0.1:6379): use it when it answers; when it points at this machine
# and nothing answers, start a redis-server that keeps nothing on disk.
ensure_redis() {
  local url="${REDIS_URL:-redis://127.0.0.1:6379}" hostport host port
  hostport="${url#redis://}"
  hostport="${hostport##*@}"
  hostport="${hostport%%/*}"
  host="${hostport%%:*}"
  port="${hostport##*:}"
  [[ "$port" == "$hostport" ]] && port=6379
  if redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
  case "$host" in
    127.0.0.1 | localhost | ::1) ;;
    *) die "Redis at $url does not answer" ;;
  esac
  mkdir -p "$REPO_DIR/.data/redis"
  say "starting redis-server on $host:$port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$REPO_DIR/.data/redis" --logfile "$REPO_DIR/.data/redis/redis.log" \
    --pidfile "$REPO_DIR/.data/redis/redis.pid" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  die "redis-server did not start (see .data/redis/redis.log)"
}

ensure_node_modules() {
  [[ -d "$REPO_DIR/node_modules/.bin" && -d "$REPO_DIR/generated/prisma" ]] && return 0
  say "installing npm dependencies"
  (cd "$REPO_DIR" && npm install --no-audit --no-fund)
}
