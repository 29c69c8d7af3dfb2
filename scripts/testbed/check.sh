#!/usr/bin/env bash
# End-to-end check of the tao testbed, over real SSH, as each host's user:
# podman login (--password-stdin) + pull + run (the deploy engine's flags) + HTTP check
# from outside after the SSH session ended + the container keeps running + cleanup.
# The full check also covers password login, store separation between hosts, network
# separation (the same component on the same port on two hosts at once, each answering on
# its own address; nothing of host1 reachable on host2's address or in the root namespace),
# restart policy, the special tags (broken, slow-start, chatty), stop speed and registry auth.
#
# Usage: scripts/testbed/check.sh [--quick]
#   --quick   login + pull + run + curl + rm on every host only (what up.sh --check runs)
# Leaves nothing behind: its containers (tao-check-*) and the images it pulled are removed.
# shellcheck disable=SC2015,SC2016 # "A && pass || fail" (pass never fails); remote commands in single quotes
set -euo pipefail

_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_env="${TAO_TESTBED_DIR:-$_repo/.data/testbed}/testbed.env"
# The ports/host count up.sh used (unless overridden in the environment).
# shellcheck disable=SC1090
[[ -f "$_env" ]] && source "$_env"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h | --help)
      sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument '$arg' (try --help)" ;;
  esac
done

require_root "$@"
validate_config
[[ -f "$TB_JSON" ]] || die "$TB_JSON not found: run scripts/testbed/up.sh first"

REG="$TB_REGISTRY_HOST"
REG_PW="$(jq -r .registry.password "$TB_JSON")"
FAILS=0
PASSES=0
CHECK_PORT=18900 # every host's check container listens on this port (separate network namespaces)
CHECK_PORT_BASE=18900 # ports of further check containers (18900 + n)

pass() {
  PASSES=$((PASSES + 1))
  echo "  ${_c_g}PASS${_c_0} $*"
}
fail() {
  FAILS=$((FAILS + 1))
  echo "  ${_c_r}FAIL${_c_0} $*"
}

# rsh I CMD: run CMD on host I over ssh (key auth), stderr merged.
rsh() {
  local i="$1"
  shift
  tb_ssh "$i" "$@" 2>&1
}

# http_wait URL EXPECTED SECONDS: poll until the body contains EXPECTED.
http_wait() {
  local url="$1" want="$2" secs="$3" body=""
  local end=$((SECONDS + secs))
  while ((SECONDS <= end)); do
    body="$(curl -fsS --max-time 1 "$url" 2>/dev/null || true)"
    [[ "$body" == *"$want"* ]] && return 0
    sleep 0.2
  done
  echo "last body: '${body}'" >&2
  return 1
}

# Cleanup of everything the check created, also on failure / Ctrl-C. A host that was
# logged in to the registry before the check (e.g. by the app) stays logged in.
CLEAN_HOSTS=()
declare -A WAS_LOGGED_IN=()
cleanup() {
  local i logout
  for i in "${CLEAN_HOSTS[@]}"; do
    logout="podman logout $REG >/dev/null 2>&1"
    [[ -n "${WAS_LOGGED_IN[$i]:-}" ]] && logout=true
    tb_ssh "$i" "podman ps -a --format '{{.Names}}' | grep '^tao-check-' | xargs -r podman rm -f -t 0 >/dev/null 2>&1;
      for img in \$(cat ~/.tao-check-pulled 2>/dev/null); do podman rmi \"\$img\" >/dev/null 2>&1; done;
      rm -f ~/.tao-check-pulled; $logout; true" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

# Pull IMAGE on host I, remembering it for cleanup when it was not there before.
pull() {
  local i="$1" img="$2"
  rsh "$i" "podman image exists $img || { podman pull -q $img >/dev/null && echo $img >> ~/.tao-check-pulled; }"
}

run_flags="--restart on-failure:10 -d --network host -m 3g --log-opt max-size=256m"

check_host() {
  local i="$1" name user comp img cname port out t0
  name="$(host_name "$i")" user="$(host_user "$i")"
  comp="${TB_DEMO_COMPONENTS[$(((i - 1) % ${#TB_DEMO_COMPONENTS[@]}))]}"
  local addr ns
  addr="$(host_addr "$i")" ns="$(host_netns "$i")"
  img="$REG/demo/$comp:v1.1.0" cname="tao-check-$name" port=$CHECK_PORT
  echo "${_c_b}$name${_c_0} ($user@$addr:$TB_SSH_PORT, netns $ns, image demo/$comp:v1.1.0, port $port)"
  CLEAN_HOSTS+=("$i")
  if rsh "$i" "podman login --get-login $REG" >/dev/null 2>&1; then WAS_LOGGED_IN[$i]=1; fi

  out="$(rsh "$i" 'echo "$(id -un) XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"; podman --version')" &&
    [[ "$out" == "$user XDG_RUNTIME_DIR=/run/user/"* ]] && pass "ssh (key): $(tr '\n' ' ' <<<"$out")" ||
    { fail "ssh (key) login / session env: $out"; return; }

  # The session runs in the host's namespace: its only address is the host's own.
  out="$(rsh "$i" 'hostname -I; readlink /proc/self/ns/net')"
  [[ "$(head -n 1 <<<"$out" | xargs)" == "$addr" && "$(tail -n 1 <<<"$out")" == "net:[$(netns_inode "$ns")]" ]] &&
    pass "session is in netns $ns, addresses: $(head -n 1 <<<"$out" | xargs)" ||
    fail "session network: $(tr '\n' ' ' <<<"$out") (want $addr in $ns)"

  if ((!QUICK)); then
    out="$(SSHPASS="$(jq -r ".hosts[$((i - 1))].password" "$TB_JSON")" sshpass -e ssh -p "$TB_SSH_PORT" \
      -o PubkeyAuthentication=no -o PreferredAuthentications=password -o StrictHostKeyChecking=yes \
      -o UserKnownHostsFile="$TB_KNOWN_HOSTS" -o LogLevel=ERROR "$user@$addr" 'id -un' 2>&1)" &&
      [[ "$out" == "$user" ]] && pass "ssh (password from testbed.json)" || fail "ssh (password): $out"
  fi

  out="$(printf '%s\n' "$REG_PW" | rsh "$i" "podman login -u $TB_REGISTRY_USER --password-stdin $REG")" &&
    pass "podman login $REG (--password-stdin, no --tls-verify flag)" || { fail "podman login: $out"; return; }

  t0=$SECONDS
  # A real pull either way (manifest check against the registry); remember it for cleanup
  # only when the image was not there before.
  out="$(rsh "$i" "podman rm -f -t 0 $cname >/dev/null 2>&1; if podman image exists $img; then podman pull -q $img; else podman pull -q $img && echo $img >> ~/.tao-check-pulled; fi")" &&
    pass "podman pull $img ($((SECONDS - t0))s)" || { fail "podman pull: $out"; return; }

  # The deploy engine's command line; the session ends right after it.
  out="$(rsh "$i" "podman run $run_flags --name $cname -e PORT=$port $img")" &&
    pass "podman run $run_flags (stderr/out: $(tail -n 2 <<<"$out" | tr '\n' ' '))" || { fail "podman run: $out"; return; }

  if http_wait "http://$addr:$port/" "$comp v1.1.0" 10; then
    pass "serves '$comp v1.1.0' on $addr:$port after the ssh session ended"
  else
    fail "http://$addr:$port/ does not serve '$comp v1.1.0'"
  fi

  if ((!QUICK)); then
    sleep 2
    out="$(rsh "$i" "podman inspect $cname --format '{{.State.Status}} pid={{.State.Pid}} restarts={{.RestartCount}} memory={{.HostConfig.Memory}}'")"
    [[ "$out" == running* ]] && pass "still running 2s later: $out" || fail "container not running: $out"
    # conmon must not belong to the (gone) ssh session.
    out="$(ps -o ppid=,uid= -C conmon | awk -v u="$(id -u "$user")" '$2 == u { print $1 }' | sort -u | tr '\n' ' ')"
    [[ "$out" == "1 " ]] && pass "conmon of $user is re-parented to init (outlives the session)" ||
      fail "conmon parents of $user: '$out'"
    local pid bad="" want
    want="$(netns_inode "$ns")"
    for pid in $(pgrep -u "$user" -x conmon) $(pgrep -u "$user" -f 'httpd -f -p'); do
      [[ "$(pid_netns "$pid")" == "$want" ]] || bad+="$pid "
    done
    [[ -z "$bad" ]] && pass "conmon and container processes of $user are in netns $ns" ||
      fail "processes of $user outside netns $ns: $bad"
    curl -fsS --max-time 2 "http://$addr:$port/info.json" | grep -q "\"host\":\"$name\"" &&
      pass "info.json on $addr:$port reports host $name" || fail "info.json on $addr:$port does not report host $name"
  fi
}

# Store separation: every host sees only its own check container.
check_isolation() {
  local i j names
  echo "${_c_b}separation${_c_0}"
  for i in $(seq "$TB_HOSTS"); do
    names="$(rsh "$i" "podman ps -a --format '{{.Names}}'" | tr '\n' ' ')"
    for j in $(seq "$TB_HOSTS"); do
      if ((i == j)); then
        [[ " $names " == *" tao-check-$(host_name "$j") "* ]] ||
          { fail "$(host_name "$i") does not see its own container (sees: $names)"; continue 2; }
      else
        [[ " $names " != *" tao-check-$(host_name "$j") "* ]] ||
          { fail "$(host_name "$i") sees $(host_name "$j")'s container"; continue 2; }
      fi
    done
    pass "$(host_name "$i") sees only its own containers ($names)"
  done
}

# Network separation: every host is its own network namespace with its own address.
check_network() {
  local img out body a1 a2 p_same=$((CHECK_PORT_BASE + 10)) p_only=$((CHECK_PORT_BASE + 11)) i
  echo "${_c_b}network${_c_0}"
  for i in $(seq "$TB_HOSTS"); do
    out="$(ip -n "$(host_netns "$i")" -4 route show 2>&1)"
    [[ "$out" != *default* && -n "$out" ]] || { fail "$(host_name "$i") routes: $out"; continue; }
  done
  pass "no host has a default route (only $TB_SUBNET)"
  if ((TB_HOSTS < 2)); then
    echo "  (one host only: the two-host checks are skipped)"
    return
  fi
  a1="$(host_addr 1)" a2="$(host_addr 2)"
  img="$REG/demo/component-c:v1.2.0"
  # The same component on the same port on two hosts at once (with --network host).
  for i in 1 2; do
    pull "$i" "$img" >/dev/null || fail "pull $img on $(host_name "$i")"
    out="$(rsh "$i" "podman run $run_flags --name tao-check-same -e PORT=$p_same $img")" ||
      fail "run tao-check-same on $(host_name "$i"): $out"
  done
  for i in 1 2; do
    if http_wait "http://$(host_addr "$i"):$p_same/info.json" "\"host\":\"$(host_name "$i")\"" 10; then
      body="$(curl -fsS --max-time 2 "http://$(host_addr "$i"):$p_same/")"
      out="$(rsh "$i" "podman inspect tao-check-same --format '{{.State.Status}} restarts={{.RestartCount}}'")"
      [[ "$body" == "component-c v1.2.0" && "$out" == "running restarts=0" ]] &&
        pass "same component, same port: http://$(host_addr "$i"):$p_same/ = '$body' from $(host_name "$i") ($out)" ||
        fail "tao-check-same on $(host_name "$i"): body '$body', $out"
    else
      fail "http://$(host_addr "$i"):$p_same/info.json does not report $(host_name "$i")"
    fi
  done
  # Hosts reach each other (like machines on one LAN): host1 -> host2.
  out="$(rsh 1 "curl -fsS --max-time 2 http://$a2:$p_same/info.json")"
  [[ "$out" == *"\"host\":\"host2\""* ]] && pass "host1 reaches host2's container at $a2:$p_same" ||
    fail "host1 -> $a2:$p_same: $out"

  # A container only host1 runs: on host1's address and its 127.0.0.1, nowhere else.
  pull 1 "$REG/demo/component-d:v1.2.0" >/dev/null || fail "pull component-d on host1"
  out="$(rsh 1 "podman run $run_flags --name tao-check-only1 -e PORT=$p_only $REG/demo/component-d:v1.2.0")" ||
    fail "run tao-check-only1: $out"
  if http_wait "http://$a1:$p_only/" "component-d v1.2.0" 10; then
    pass "host1-only container serves on $a1:$p_only"
  else
    fail "host1-only container does not serve on $a1:$p_only"
  fi
  out="$(rsh 1 "curl -fsS --max-time 2 http://127.0.0.1:$p_only/")"
  [[ "$out" == "component-d v1.2.0" ]] && pass "inside host1, 127.0.0.1:$p_only is host1's container" ||
    fail "inside host1, 127.0.0.1:$p_only: $out"
  if curl -fsS --max-time 2 -o /dev/null "http://$a2:$p_only/" 2>/dev/null; then
    fail "host1's container answers on host2's address $a2:$p_only"
  else
    pass "host1's container is not reachable on host2's address $a2:$p_only"
  fi
  out="$(rsh 2 "curl -fsS --max-time 2 http://127.0.0.1:$p_only/ 2>&1; echo rc=\$?")"
  [[ "$out" == *"rc=7"* ]] && pass "inside host2, 127.0.0.1:$p_only is closed (host2's own loopback)" ||
    fail "inside host2, 127.0.0.1:$p_only: $out"
  if curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$p_only/" 2>/dev/null; then
    fail "host1's container answers on the root namespace's 127.0.0.1:$p_only"
  else
    pass "host1's container is not on the root namespace's 127.0.0.1:$p_only"
  fi
}

# Special tags, restart policy, stop speed, registry auth (host 1).
check_special() {
  local i=1 img out t0 port
  echo "${_c_b}special images on $(host_name 1)${_c_0}"

  img="$REG/demo/component-a:broken"
  pull "$i" "$img" >/dev/null || fail "pull $img"
  out="$(rsh "$i" "podman run --restart on-failure:2 -d --network host --name tao-check-broken $img")" ||
    fail "run broken: $out"
  local st=""
  for _ in $(seq 50); do
    st="$(rsh "$i" "podman inspect tao-check-broken --format '{{.State.Status}} exit={{.State.ExitCode}} restarts={{.RestartCount}}'")"
    [[ "$st" == "exited exit=1 restarts=2" ]] && break
    sleep 0.2
  done
  [[ "$st" == "exited exit=1 restarts=2" ]] && pass "broken: $st (restart policy on-failure:2 honoured without systemd)" ||
    fail "broken: $st"
  out="$(rsh "$i" "podman logs tao-check-broken 2>&1 >/dev/null | head -n 1")"
  [[ "$out" == *"simulated startup failure"* ]] && pass "broken: stderr says '${out#* }'" || fail "broken: stderr '$out'"

  local addr
  addr="$(host_addr "$i")"
  img="$REG/demo/component-a:slow-start" port=$((CHECK_PORT_BASE + 50))
  pull "$i" "$img" >/dev/null || fail "pull $img"
  rsh "$i" "podman run -d --network host --name tao-check-slow -e PORT=$port $img" >/dev/null || fail "run $img"
  t0=$SECONDS
  sleep 1.5
  if curl -fsS --max-time 1 "http://$addr:$port/" >/dev/null 2>&1; then
    fail "slow-start serves after 1.5 s already"
  elif http_wait "http://$addr:$port/" "component-a slow-start" 10; then
    pass "slow-start: not serving at 1.5 s, serving after ~$((SECONDS - t0)) s"
  else
    fail "slow-start never served"
  fi

  img="$REG/demo/component-a:chatty" port=$((CHECK_PORT_BASE + 51))
  pull "$i" "$img" >/dev/null || fail "pull $img"
  rsh "$i" "podman run -d --network host --name tao-check-chatty -e PORT=$port -e LINE_COUNT=2000 -e LINES_PER_SEC=1000 $img" >/dev/null ||
    fail "run $img"
  t0=$SECONDS
  if http_wait "http://$addr:$port/" "component-a chatty" 15; then
    out="$(rsh "$i" "podman logs tao-check-chatty | grep -c 'chatty line'; podman logs tao-check-chatty | grep 'chatty line' | tail -n 1")"
    [[ "$out" == "2000"*"line 2000 of 2000" ]] && pass "chatty: 2000 numbered lines at 1000/s, serving after ~$((SECONDS - t0)) s" ||
      fail "chatty logs: $out"
  else
    fail "chatty never served"
  fi

  t0=$(date +%s%N)
  out="$(rsh "$i" "podman stop tao-check-chatty")" || true
  t0=$((($(date +%s%N) - t0) / 1000000))
  ((t0 < 5000)) && pass "podman stop takes ${t0} ms (entrypoint handles SIGTERM)" || fail "podman stop took ${t0} ms"

  # Registry auth is enforced: without credentials (an empty auth file) a pull must fail.
  out="$(rsh "$i" "f=\$(mktemp); echo '{}' >\$f; podman pull -q --authfile \$f $REG/demo/component-d:feature_base_demo-1a2b3c4 2>&1; rm -f \$f; true")"
  [[ "$out" == *nauthorized* || "$out" == *"authentication required"* ]] &&
    pass "pull without login is refused ($(grep -o -m1 -i 'unauthorized[^"]*\|authentication required' <<<"$out" | head -n 1))" ||
    fail "pull without login: $out"
}

remove_checks() {
  local i out
  echo "${_c_b}cleanup${_c_0}"
  for i in $(seq "$TB_HOSTS"); do
    out="$(rsh "$i" "podman ps -a --format '{{.Names}}' | grep '^tao-check-' | xargs -r podman rm -f -t 0")" &&
      pass "$(host_name "$i"): removed $(tr '\n' ' ' <<<"$out")" || fail "$(host_name "$i"): rm: $out"
  done
}

echo "tao testbed check ($([[ $QUICK == 1 ]] && echo quick || echo full)): registry $REG, $TB_HOSTS hosts"
T_START=$SECONDS
for i in $(seq "$TB_HOSTS"); do check_host "$i"; done
if ((!QUICK)); then
  check_isolation
  check_network
  check_special
fi
remove_checks
echo
if ((FAILS == 0)); then
  echo "${_c_g}check passed${_c_0}: $PASSES checks in $((SECONDS - T_START)) s"
else
  echo "${_c_r}check FAILED${_c_0}: $FAILS of $((PASSES + FAILS)) checks failed"
  exit 1
fi
