# shellcheck shell=bash
# shellcheck disable=SC2034 # settings used by the scripts that source this file
# Shared settings and helpers of the tao testbed scripts (sourced by up.sh, down.sh, check.sh).

TB_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_REPO_DIR="$(cd "$TB_SCRIPT_DIR/../.." && pwd)"

TB_DIR="${TAO_TESTBED_DIR:-$TB_REPO_DIR/.data/testbed}"
TB_REGISTRY_PORT="${TAO_TESTBED_REGISTRY_PORT:-5005}"
TB_HOSTS="${TAO_TESTBED_HOSTS:-4}"
TB_USER_PREFIX="${TAO_TESTBED_USER_PREFIX:-taohost}" # host i = Linux user <prefix><i>
TB_REGISTRY_USER="tao"

# Network: every host is a network namespace with its own address on a private /24,
# joined by a bridge in the root namespace (which holds .1: the registry listens there).
TB_SUBNET="${TAO_TESTBED_SUBNET:-10.231.0.0/24}"
TB_NET_PREFIX="${TB_SUBNET%.*}"  # "10.231.0"
TB_GW_ADDR="$TB_NET_PREFIX.1"    # root namespace side
TB_SSH_PORT=22                   # every host's sshd, on the host's own address
TB_REGISTRY_HOST="$TB_GW_ADDR:$TB_REGISTRY_PORT"
# Not started by the testbed: tests run their own (throttling) proxy of the registry here;
# every host has it marked insecure.
TB_PROXY_PORT="${TAO_TESTBED_PROXY_PORT:-$((TB_REGISTRY_PORT + 1))}"
TB_PROXY_HOST="$TB_GW_ADDR:$TB_PROXY_PORT"
# Names of the namespaces / interfaces: <id>-host<i> (netns), <id>0 (bridge), <id>-h<i>
# (root side of host i's veth; interface names have at most 15 characters).
if [[ -n "${TAO_TESTBED_NET_ID:-}" ]]; then
  TB_NET_ID="$TAO_TESTBED_NET_ID"
elif [[ "$TB_USER_PREFIX" == taohost ]]; then
  TB_NET_ID="tao-tb"
elif ((${#TB_USER_PREFIX} <= 8)); then
  TB_NET_ID="tb-$TB_USER_PREFIX"
else
  TB_NET_ID="tb-$(printf '%s' "$TB_USER_PREFIX" | sha256sum | cut -c1-8)"
fi
TB_BRIDGE="${TB_NET_ID}0"

# Layout of the state dir.
TB_SECRETS="$TB_DIR/secrets"
TB_REG_DIR="$TB_DIR/registry"
TB_HOSTS_DIR="$TB_DIR/hosts"
# One lock for the machine, not per state dir: the bridge, namespaces, users and ports are shared
# by every checkout's testbed.
TB_LOCK_FILE="${TAO_TESTBED_LOCK:-/run/lock/tao-testbed.lock}"
TB_SSH_DIR="$TB_DIR/ssh"
TB_IMG_DIR="$TB_DIR/images"
TB_LOG_DIR="$TB_DIR/logs"
TB_SSH_KEY="$TB_SSH_DIR/id_ed25519"
TB_KNOWN_HOSTS="$TB_SSH_DIR/known_hosts"
TB_JSON="$TB_DIR/testbed.json"
TB_ENV="$TB_DIR/testbed.env"

# ---------------------------------------------------------------- messages
if [[ -t 1 ]]; then
  _c_b=$'\e[1m' _c_r=$'\e[31m' _c_y=$'\e[33m' _c_g=$'\e[32m' _c_0=$'\e[0m'
else
  _c_b="" _c_r="" _c_y="" _c_g="" _c_0=""
fi
TB_T0="$(date +%s.%N)"
_elapsed() { awk -v a="$TB_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%6.1fs", b - a }'; }
step() { echo "${_c_b}[testbed $(_elapsed)]${_c_0} $*"; }
info() { echo "                   $*"; }
ok() { echo "${_c_g}[testbed $(_elapsed)] ok${_c_0} $*"; }
warn() { echo "${_c_y}[testbed $(_elapsed)] warning:${_c_0} $*" >&2; }
die() {
  echo "${_c_r}[testbed] error:${_c_0} $*" >&2
  exit 1
}

require_root() {
  [[ "$(id -u)" -eq 0 ]] || die "must run as root (it creates users and starts sshd); try: sudo $0 $*"
}

validate_config() {
  [[ "$TB_HOSTS" =~ ^[0-9]+$ && "$TB_HOSTS" -ge 1 && "$TB_HOSTS" -le 50 ]] ||
    die "TAO_TESTBED_HOSTS must be a number 1..50 (got '$TB_HOSTS')"
  [[ "$TB_REGISTRY_PORT" =~ ^[0-9]+$ ]] || die "TAO_TESTBED_REGISTRY_PORT must be a number"
  [[ "$TB_PROXY_PORT" =~ ^[0-9]+$ ]] || die "TAO_TESTBED_PROXY_PORT must be a number"
  [[ "$TB_USER_PREFIX" =~ ^[a-z][a-z0-9]{1,20}$ ]] || die "TAO_TESTBED_USER_PREFIX must match [a-z][a-z0-9]{1,20}"
  [[ "$TB_SUBNET" =~ ^(10|172|192)\.[0-9]{1,3}\.[0-9]{1,3}\.0/24$ ]] ||
    die "TAO_TESTBED_SUBNET must be a private /24 like 10.231.0.0/24 (got '$TB_SUBNET')"
  [[ "$TB_NET_ID" =~ ^[a-z][a-z0-9-]{1,10}$ ]] ||
    die "TAO_TESTBED_NET_ID must match [a-z][a-z0-9-]{1,10} (got '$TB_NET_ID')"
}

# ---------------------------------------------------------------- hosts
host_name() { echo "host$1"; }
host_user() { echo "$TB_USER_PREFIX$1"; }
host_dir() { echo "$TB_HOSTS_DIR/host$1"; }
host_addr() { echo "$TB_NET_PREFIX.$((10 + $1))"; }
host_netns() { echo "$TB_NET_ID-host$1"; }
host_veth() { echo "$TB_NET_ID-h$1"; } # root-namespace end; the host's end is "eth0"
# Index of a testbed user name (taohost3 -> 3).
user_index() { echo "${1#"$TB_USER_PREFIX"}"; }

# Host indexes that exist in the state dir or as a network namespace (for down.sh:
# whatever up.sh created).
recorded_host_indexes() {
  local d
  {
    for d in "$TB_HOSTS_DIR"/host*; do
      [[ -d "$d" ]] || continue
      echo "${d##*/host}"
    done
    for d in /run/netns/"$TB_NET_ID"-host*; do
      [[ -e "$d" ]] || continue
      echo "${d##*-host}"
    done
  } | grep -xE '[0-9]+' | sort -nu
}

# ---------------------------------------------------------------- network namespaces
# netns_ok NS: /run/netns/NS is a live namespace (a nsfs mount, not a leftover file
# from before a reboot when /run is not a tmpfs).
netns_ok() { [[ -e "/run/netns/$1" && "$(stat -f -c %T "/run/netns/$1" 2>/dev/null)" == nsfs ]]; }
netns_inode() { stat -L -c %i "/run/netns/$1" 2>/dev/null; }
# pid_netns PID: inode of the network namespace of PID.
pid_netns() { stat -L -c %i "/proc/$1/ns/net" 2>/dev/null; }
# in_netns NS CMD...: run CMD in the network namespace NS only. Not "ip netns exec": that
# also gives CMD a private mount namespace with "/" a slave mount, which rootless podman
# then warns about on every command.
in_netns() {
  local ns="$1"
  shift
  nsenter --net="/run/netns/$ns" -- "$@"
}

# remove_host_net I: stop whatever still runs in the host's namespace, delete it and its veth.
remove_host_net() {
  local i="$1" ns veth pids
  ns="$(host_netns "$i")" veth="$(host_veth "$i")"
  if netns_ok "$ns"; then
    pids="$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')"
    if [[ -n "${pids// /}" ]]; then
      # shellcheck disable=SC2086
      kill $pids 2>/dev/null || true
      sleep 0.3
      pids="$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')"
      # shellcheck disable=SC2086
      [[ -z "${pids// /}" ]] || kill -9 $pids 2>/dev/null || true
    fi
    ip netns del "$ns" 2>/dev/null || warn "could not delete network namespace $ns"
    info "$(host_name "$i"): removed network namespace $ns"
  elif [[ -e "/run/netns/$ns" ]]; then
    rm -f "/run/netns/$ns"
  fi
  ip link del "$veth" 2>/dev/null || true
}

# Root-namespace ends of host veths of this testbed (also stale ones).
testbed_veths() {
  ip -o link show 2>/dev/null | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }' | grep -xE -- "$TB_NET_ID-h[0-9]+" || true
}

# ---------------------------------------------------------------- images
# Components: "repo port". Every component gets its own default PORT so that
# several components deployed with --network host on one host do not collide.
TB_MONITOR_COMPONENTS=(ops sql testcase common agent graph api alarm self-monitor)
TB_MONITOR_TAGS=(v1.0.0 v1.0.1 v1.0.2 v1.1.0 v1.2.0)
TB_DEMO_COMPONENTS=(component-a component-b component-c component-d)
TB_DEMO_TAGS=(v1.0.0 v1.1.0 v1.2.0 feature_base_demo-1a2b3c4)
TB_SPECIAL_TAGS=(broken slow-start chatty)

# Prints "repo port" lines.
component_list() {
  local i=0 c
  for c in "${TB_DEMO_COMPONENTS[@]}"; do
    i=$((i + 1))
    echo "demo/$c $((18000 + i))"
  done
  i=10
  for c in "${TB_MONITOR_COMPONENTS[@]}"; do
    i=$((i + 1))
    echo "monitor/$c $((18000 + i))"
  done
}

# Prints "repo tag port mode" lines: every image the testbed registry holds.
image_list() {
  local repo port t
  while read -r repo port; do
    if [[ "$repo" == demo/* ]]; then
      for t in "${TB_DEMO_TAGS[@]}"; do echo "$repo $t $port normal"; done
      for t in "${TB_SPECIAL_TAGS[@]}"; do echo "$repo $t $port $t"; done
    else
      for t in "${TB_MONITOR_TAGS[@]}"; do echo "$repo $t $port normal"; done
    fi
  done < <(component_list)
}

# ---------------------------------------------------------------- processes / ports
# recorded_pid PIDFILE: the pid a pidfile holds; nothing (status 1) when there is none.
recorded_pid() { [[ -s "$1" ]] && tr -dc '0-9' <"$1"; }

# pid_matches PIDFILE NEEDLE: pidfile names a live process whose command line contains NEEDLE.
pid_matches() {
  local pidfile="$1" needle="$2" pid
  pid="$(recorded_pid "$pidfile")" || return 1
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$needle"
}

# port_listener PORT [ADDR]: the processes listening on PORT (on ADDR or a wildcard
# address, which would also take ADDR) in the current network namespace; empty if free.
port_listener() {
  local port="$1" addr="${2:-}"
  ss -Hltnp "( sport = :$port )" 2>/dev/null | awk -v a="$addr" -v p="$port" '
    { split($4, x, ":"); la = substr($4, 1, length($4) - length(x[length(x)]) - 1) }
    a == "" || la == a || la == "0.0.0.0" || la == "*" || la == "[::]" {
      $1 = $2 = $3 = ""; sub(/^ */, ""); print }' | head -n 3
}

# Fails with a clear message when PORT (on ADDR) is held by something that is not ours.
ensure_port_free() {
  local port="$1" what="$2" addr="${3:-}" owner
  owner="$(port_listener "$port" "$addr")"
  [[ -z "$owner" ]] && return 0
  die "port ${addr:+$addr:}$port (wanted for $what) is already in use by another process:
    $owner
  Stop that process or choose another port (see scripts/testbed/README.md for the env vars)."
}

wait_for_port() {
  local port="$1" tries="${2:-100}"
  while ((tries-- > 0)); do
    if ss -Hltn "( sport = :$port )" 2>/dev/null | grep -q .; then return 0; fi
    sleep 0.05
  done
  return 1
}

# proc_alive PID: running and not a zombie (PID 1 here may reap daemons late).
proc_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

kill_pidfile() {
  local pidfile="$1" needle="$2" what="$3" pid i
  if pid_matches "$pidfile" "$needle"; then
    pid="$(tr -dc '0-9' <"$pidfile")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 50); do
      proc_alive "$pid" || break
      sleep 0.1
    done
    if proc_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
    info "stopped $what (pid $pid)"
  fi
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- files / secrets
# write_if_changed FILE MODE [OWNER] < content: returns 0 when the file was (re)written, 1
# when unchanged. Text only; compared in memory with builtins (no cat/cmp: up.sh calls this
# a lot), so an unchanged file (and its directory) is not touched. OWNER: user = group.
write_if_changed() {
  local file="$1" mode="$2" owner="${3:-}" new="" old="" tmp cur
  IFS= read -r -d '' new || true
  if [[ -f "$file" ]]; then
    IFS= read -r -d '' old <"$file" || true
    if [[ "$old" == "$new" ]]; then
      cur="$(stat -c '%a %U' "$file")"
      [[ "${cur% *}" == "${mode#0}" ]] || chmod "$mode" "$file"
      [[ -z "$owner" || "${cur#* }" == "$owner" ]] || chown "$owner:$owner" "$file"
      return 1
    fi
  fi
  tmp="$(mktemp "$file.XXXXXX")"
  printf '%s' "$new" >"$tmp"
  chmod "$mode" "$tmp"
  [[ -z "$owner" ]] || chown "$owner:$owner" "$tmp"
  mv -f "$tmp" "$file"
  return 0
}

random_password() {
  # 24 alphanumeric characters (no SIGPIPE games with pipefail: head reads a fixed amount).
  head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-24
}

# secret FILE: prints the secret stored in FILE, generating it on first use.
secret() {
  local file="$1"
  local value=""
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && random_password >"$file")
    chmod 600 "$file"
  fi
  IFS= read -r value <"$file" || true
  printf '%s\n' "$value"
}

# ---------------------------------------------------------------- per-user commands
user_uid() { id -u "$1"; }
user_home() { getent passwd "$1" | cut -d: -f6; }
user_runtime_dir() { echo "/run/user/$(user_uid "$1")"; }
# Live (non-zombie: PID 1 here reaps late) processes of USER.
user_pids() { ps -u "$1" -o pid=,stat= 2>/dev/null | awk '$2 !~ /^Z/ { print $1 }'; }

# as_user USER CMD...: run a command as a testbed user with a clean login-like environment
# (the same variables the testbed sshd gives an ssh exec session), inside the user's
# host's network namespace when that exists (so that anything it starts - conmon, the
# podman pause process, restarted containers - lives on that host, as over ssh).
as_user() {
  local user="$1" ns
  shift
  local home pre=()
  home="$(user_home "$user")"
  ns="$(host_netns "$(user_index "$user")")"
  netns_ok "$ns" && pre=(nsenter --net="/run/netns/$ns" --)
  (cd "$home" && "${pre[@]}" runuser -u "$user" -- env -i \
    HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/bash \
    PATH=/usr/local/bin:/usr/bin:/bin \
    XDG_RUNTIME_DIR="$(user_runtime_dir "$user")" \
    LANG=C.UTF-8 "$@")
}

# ---------------------------------------------------------------- ssh
tb_ssh() {
  # tb_ssh INDEX CMD: ssh into host INDEX with the testbed key.
  local i="$1"
  shift
  ssh -i "$TB_SSH_KEY" -p "$TB_SSH_PORT" \
    -o BatchMode=yes -o IdentitiesOnly=yes -o ConnectTimeout=5 \
    -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$TB_KNOWN_HOSTS" \
    -o LogLevel=ERROR "$(host_user "$i")@$(host_addr "$i")" "$@"
}

# curl with the registry credentials (from a netrc file: not visible in ps).
curl_registry() {
  curl -fsS --max-time 20 --netrc-file "$TB_SECRETS/registry.netrc" "$@"
}
