#!/usr/bin/env bash
# P5 device footprint: start-to-ready time and steady RSS of a counter unit and a kiosk unit,
# under (a) default JVM flags, (b) the small-Pi flags of LIBRARIES.md, (c) the flags the launcher and the systemd
# unit use (MOTCUA_DEVICE_JAVA_OPTS in ./motcua), (d) (c) + a dynamic AppCDS archive, (e) (d) with -Xint on the
# counter only: what systemd runs (a counter's <id>.env from provisioning adds -Xint).
# Usage: bench/footprint.sh [RUNS (3)] [IDLE_SECONDS (20)]; TRY_FLAGS="..." runs only the chosen flags plus those.
# Needs: ./motcua build done (the device jar, */target/classes and target/classpath.txt), /usr/sbin/mosquitto.
# It never builds: a build in the middle would skew the timings. Traffic: 127.0.0.1 only.
# Units run from the device jar, not target/classes: AppCDS refuses a class path with a non-empty directory.
# Starts its own Mosquitto and hub on free loopback ports; the counter and the kiosk unit of one run are
# started together. Everything it starts is stopped and its temp dir removed on exit.
set -u
RUNS=${1:-3}
IDLE=${2:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAR=$(ls device/target/motcua-device-*.jar 2>/dev/null | grep -v -- -tests | head -1)
for f in device/target/classpath.txt hub/target/classpath.txt provisioning/target/classpath.txt "$JAR"; do
  [ -f "$f" ] || { echo "missing ${f:-the device jar}: run ./motcua build first" >&2; exit 2; }
done
CP="$JAR:$(cat device/target/classpath.txt)"
module_java() { # module main args... : execs a module's main from its classes, as ./motcua does, without building;
  # exec, so that "module_java … &" leaves the JVM's own pid in $! for the cleanup to stop
  local module=$1 main=$2; shift 2
  exec "$JAVA" -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" "$main" "$@"
}
T=$(mktemp -d /tmp/motcua-footprint.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\nset_tcp_nodelay true\npersistence false\n' "$PORT" > "$T/mosquitto.conf"
/usr/sbin/mosquitto -c "$T/mosquitto.conf" > "$T/mosquitto.log" 2>&1 &
PIDS+=($!)
mkdir -p "$T/hub"
module_java hub vn.motcua.hub.HubMain --broker "tcp://127.0.0.1:$PORT" --http-port 0 --http-host 127.0.0.1 --data "$T/hub" > "$T/hub.log" 2>&1 &
HUBPID=$!
PIDS+=($HUBPID)
# hub readiness: wait (≤ 60 s) for the hub's "… is up: …" log line
for _ in $(seq 1 120); do
  grep -q " is up: " "$T/hub.log" && break
  sleep 0.5
done

SMALL="-XX:+UseSerialGC -Xmx32m -Xss256k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m"
# the launcher's device flags, so the bench measures what ./motcua device and the systemd unit run
CHOSEN=$(sed -n 's/^DEVICE_JAVA_OPTS="\(.*\)"$/\1/p' motcua)
[ -n "$CHOSEN" ] || { echo "no DEVICE_JAVA_OPTS line in ./motcua" >&2; exit 2; }
BROKER="tcp://127.0.0.1:$PORT"

provision() { # role id extra...
  local role=$1 id=$2; shift 2
  ( module_java provisioning vn.motcua.provisioning.ProvisionMain device --site nghiloc --id "$id" --role "$role" "$@" --broker "$BROKER" \
    --data-dir "$T/data-$id" --out "$T/$id.json" --no-password --force > /dev/null )
}
provision counter quay-3 --counter 3
provision kiosk kiosk-1 --services DD,HT,CT

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# start_unit ID FLAGS... -> sets UPID, FD and records start time
declare -A UPID UFD USTART
start_unit() {
  local id=$1; shift
  rm -rf "$T/data-$id"; mkfifo "$T/in-$id" 2>/dev/null
  exec {fd}<>"$T/in-$id"
  USTART[$id]=$(date +%s%N)
  "$JAVA" "$@" -cp "$CP" vn.motcua.device.DeviceMain --config "$T/$id.json" < "$T/in-$id" > "$T/$id.log" 2>&1 &
  UPID[$id]=$!; UFD[$id]=$fd; PIDS+=($!)
}
ready_ms() { # id -> ms from start to "is running" line, or -1 after 30 s
  local id=$1
  for _ in $(seq 1 1500); do
    if grep -q "is running" "$T/$id.log"; then echo $(( ($(date +%s%N) - USTART[$id]) / 1000000 )); return; fi
    sleep 0.02
  done
  echo -1
}
stop_unit() {
  local id=$1
  kill "${UPID[$id]}" 2>/dev/null; wait "${UPID[$id]}" 2>/dev/null
  exec {UFD[$id]}>&-
  rm -f "$T/in-$id"
}

one_run() { # label run flags...
  local label=$1 run=$2; shift 2
  # COUNTER_FLAGS: extra flags for the counter unit only (what provisioning writes to a counter's <id>.env)
  if [ -n "${ARCHIVE:-}" ]; then
    # shellcheck disable=SC2086
    start_unit quay-3 "$@" ${COUNTER_FLAGS:-} -XX:SharedArchiveFile="${ARCHIVE//UNIT/quay-3}"
    start_unit kiosk-1 "$@" -XX:SharedArchiveFile="${ARCHIVE//UNIT/kiosk-1}"
  else
    # shellcheck disable=SC2086
    start_unit quay-3 "$@" ${COUNTER_FLAGS:-}; start_unit kiosk-1 "$@"
  fi
  local rc rk; rc=$(ready_ms quay-3); rk=$(ready_ms kiosk-1)
  sleep "$IDLE"
  local ic ik; ic=$(rss_kb "${UPID[quay-3]}"); ik=$(rss_kb "${UPID[kiosk-1]}")
  for k in DD HT CT DD; do echo "$k" >&"${UFD[kiosk-1]}"; sleep 0.3; done
  for k in next start done next; do echo "$k" >&"${UFD[quay-3]}"; sleep 0.3; done
  sleep 5
  local kc kk; kc=$(rss_kb "${UPID[quay-3]}"); kk=$(rss_kb "${UPID[kiosk-1]}")
  if [ -n "${NMT:-}" ]; then # with TRY_FLAGS=-XX:NativeMemoryTracking=summary: where the counter's memory goes
    "$(dirname "$JAVA")/jcmd" "${UPID[quay-3]}" VM.native_memory summary | grep -E "committed=" | sed 's/^/# /' >&2
    pmap -x "${UPID[quay-3]}" | sort -k3 -n | tail -12 | sed 's/^/# /' >&2
  fi
  local printed; printed=$(grep -c "Số thứ tự" "$T/kiosk-1.log")
  stop_unit quay-3; stop_unit kiosk-1
  printf '%s\t%s\tcounter\t%s\t%s\t%s\n' "$label" "$run" "$rc" "$((ic/1024))" "$((kc/1024))"
  printf '%s\t%s\tkiosk\t%s\t%s\t%s\t(tickets printed: %s)\n' "$label" "$run" "$rk" "$((ik/1024))" "$((kk/1024))" "$printed"
}

echo "# $(date -u '+%F %H:%M UTC') $("$JAVA" -version 2>&1 | sed -n 2p); idle ${IDLE}s"
echo -e "# setting\trun\tunit\tready_ms\tRSS_idle_MB\tRSS_after_keys_MB"
dump_archives() { # flags [counter-only flags] -> $T/quay-3.jsa and $T/kiosk-1.jsa
  for id in quay-3 kiosk-1; do
    local extra=""; [ "$id" = quay-3 ] && extra=${2:-}
    # shellcheck disable=SC2086
    start_unit "$id" $1 $extra -XX:ArchiveClassesAtExit="$T/$id.jsa"; ready_ms "$id" > /dev/null; sleep 2
    [ "$id" = kiosk-1 ] && { echo DD >&"${UFD[$id]}"; sleep 2; }
    stop_unit "$id"
  done
  ls -l "$T"/*.jsa | awk '{printf "# archive %s %d MB\n", $NF, $5/1048576}'
}
if [ -n "${TRY_FLAGS:-}" ]; then # exploring: only the chosen flags plus TRY_FLAGS (and an AppCDS archive if TRY_CDS=1)
  [ -n "${TRY_CDS:-}" ] && { dump_archives "$CHOSEN $TRY_FLAGS"; export ARCHIVE="$T/UNIT.jsa"; }
  # shellcheck disable=SC2086
  for run in $(seq 1 "$RUNS"); do one_run "try" "$run" $CHOSEN $TRY_FLAGS; done
  exit 0
fi
for run in $(seq 1 "$RUNS"); do one_run a-default "$run"; done
# shellcheck disable=SC2086
for run in $(seq 1 "$RUNS"); do one_run b-small "$run" $SMALL; done
# shellcheck disable=SC2086
for run in $(seq 1 "$RUNS"); do one_run c-chosen "$run" $CHOSEN; done
# (d): one untimed start per unit dumps its archive when it exits on SIGTERM, then timed starts map it
dump_archives "$CHOSEN"
for run in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  ARCHIVE="$T/UNIT.jsa" one_run d-chosen+cds "$run" $CHOSEN
done
# (e): what the systemd unit runs for a counter (its <id>.env adds -Xint): (d) with the interpreter only on the counter
dump_archives "$CHOSEN" "-Xint"
for run in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  ARCHIVE="$T/UNIT.jsa" COUNTER_FLAGS=-Xint one_run e-systemd "$run" $CHOSEN
done
