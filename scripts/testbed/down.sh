#!/usr/bin/env bash
# Stop the tao testbed: the sshd instances, every container of the testbed users
# (and their conmon / rootless podman pause processes), the registry, and remove the
# hosts' network namespaces, their veths and the bridge.
# Idempotent: fine to run when nothing is up.
#
# Usage: scripts/testbed/down.sh [--purge]
#   --purge   also delete the testbed users (taohost<N>) with their homes (= podman
#             stores) and runtime dirs, and the state dir (registry data, keys, passwords)
set -euo pipefail

_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_env="${TAO_TESTBED_DIR:-$_repo/.data/testbed}/testbed.env"
# shellcheck disable=SC1090
[[ -f "$_env" ]] && source "$_env"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    -h | --help)
      sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$arg' (try --help)" ;;
  esac
done

require_root "$@"
validate_config

# Users made by up.sh: recorded in the state dir, or recognisable by their GECOS
# ("tao-testbed hostN"), so --purge also works when the state dir is already gone.
testbed_users() {
  {
    local i
    for i in $(recorded_host_indexes); do
      [[ -s "$(host_dir "$i")/user" ]] && cat "$(host_dir "$i")/user"
    done
    getent passwd | awk -F: -v p="^${TB_USER_PREFIX}[0-9]+$" '$1 ~ p && $5 ~ /^tao-testbed host[0-9]+$/ { print $1 }'
  } | sort -u | while read -r u; do
    id "$u" >/dev/null 2>&1 && echo "$u"
  done
}

stop_sshds() {
  local d
  for d in "$TB_HOSTS_DIR"/host*; do
    [[ -d "$d" ]] || continue
    kill_pidfile "$d/sshd.pid" "$d/sshd_config" "sshd ${d##*/}"
  done
}

# Remove every container of USER, then end its remaining processes (conmon, the rootless
# podman pause process, anything left from ssh sessions) by pid.

stop_user() {
  local user="$1" pids i
  if [[ -d "$(user_runtime_dir "$user")" ]]; then
    as_user "$user" podman pod rm -af -t 1 >/dev/null 2>&1 || true
    local removed err
    err="$(mktemp)"
    if removed="$(as_user "$user" podman rm -af -t 1 2>"$err")"; then
      [[ -z "$removed" ]] || info "$user: removed $(wc -l <<<"$removed") container(s)"
    else
      warn "$user: podman rm -af failed ($(tail -n 1 "$err")); killing its processes"
    fi
    rm -f "$err"
  fi
  # The rootless pause process (holds the user namespace) ignores SIGTERM: TERM, then KILL.
  pids="$(user_pids "$user")"
  if [[ -n "$pids" ]]; then
    # shellcheck disable=SC2086
    kill $pids 2>/dev/null || true
    for i in $(seq 10); do
      pids="$(user_pids "$user")"
      [[ -z "$pids" ]] && break
      sleep 0.1
    done
    # shellcheck disable=SC2086
    if [[ -n "$pids" ]]; then kill -9 $pids 2>/dev/null || true; fi
  fi
}

purge_user() {
  local user="$1" uid
  uid="$(user_uid "$user")"
  userdel -r "$user" >/dev/null 2>&1 || userdel -rf "$user" >/dev/null 2>&1 ||
    warn "userdel $user failed"
  # userdel removes subuid/subgid ranges of the user (shadow >= 4.6); make sure.
  sed -i "/^$user:/d" /etc/subuid /etc/subgid 2>/dev/null || true
  rm -rf "/run/user/$uid"
  # podman's lock segment: a later user with the same uid would inherit its taken locks.
  rm -f "/dev/shm/libpod_rootless_lock_$uid"
  info "deleted user $user (home, podman store, /run/user/$uid)"
}

main() {
  if [[ -z "${TB_LOCK_HELD:-}" && -d "$TB_DIR" ]]; then
    mkdir -p "$(dirname "$TB_LOCK_FILE")"
    TB_LOCK_HELD=1 exec flock -o -w 600 "$TB_LOCK_FILE" bash "${BASH_SOURCE[0]}" "$@"
  fi
  step "stopping the testbed (state dir $TB_DIR)"
  stop_sshds
  local users user
  users="$(testbed_users)"
  for user in $users; do stop_user "$user"; done
  local i veth
  for i in $(recorded_host_indexes); do remove_host_net "$i"; done
  for veth in $(testbed_veths); do
    ip link del "$veth" 2>/dev/null && info "removed stale veth $veth"
  done
  kill_pidfile "$TB_REG_DIR/registry.pid" "$TB_REG_DIR/config.yml" registry
  if ip link show "$TB_BRIDGE" >/dev/null 2>&1; then
    ip link del "$TB_BRIDGE" && info "removed bridge $TB_BRIDGE ($TB_GW_ADDR/24)"
  fi
  if ((PURGE)); then
    step "purging users and state"
    for user in $users; do purge_user "$user"; done
    if [[ -d "$TB_DIR" ]]; then
      rm -rf "$TB_DIR"
      info "removed $TB_DIR"
    fi
  fi
  ok "testbed is down$( ((PURGE)) && echo ' and purged')"
}

main "$@"
