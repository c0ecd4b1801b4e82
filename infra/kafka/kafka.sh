#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker + controller in one JVM) for machines without
# Docker. The broker's jars come from Maven Central through infra/kafka/pom.xml; data, logs
# and the pid file live under <repo>/.run/kafka (or $DOCSCREEN_RUN_DIR/kafka).
#
# Usage: infra/kafka/kafka.sh start | stop | status | logs [-f] | reset
#                             | topics ARGS...      (TopicCommand against 127.0.0.1:9092)
#                             | tool CLASS ARGS...  (any Kafka CLI class, e.g.
#                                                    org.apache.kafka.tools.ConsoleProducer)
# Environment: DOCSCREEN_RUN_DIR (default <repo>/.run), KAFKA_HEAP_OPTS (default
# "-Xmx1g -Xms256m"), KAFKA_START_TIMEOUT (s, default 120), KAFKA_STOP_TIMEOUT (s, default 30),
# KAFKA_PORT / KAFKA_CONTROLLER_PORT (default 9092 / 9093; a second broker, e.g. the benchmarks').
set -euo pipefail

SCRIPT_START_US=${EPOCHREALTIME//[!0-9]/}

# Found from the script itself, so it works from any cwd and in a fresh clone.
INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"

RUN_DIR="${DOCSCREEN_RUN_DIR:-$REPO_ROOT/.run}"
KAFKA_RUN_DIR="$RUN_DIR/kafka"
DATA_DIR="$KAFKA_RUN_DIR/data"
LOG_DIR="$KAFKA_RUN_DIR/logs"
SERVER_LOG="$LOG_DIR/server.log"
STDOUT_LOG="$LOG_DIR/kafka.out"
PID_FILE="$KAFKA_RUN_DIR/kafka.pid"
CLUSTER_ID_FILE="$KAFKA_RUN_DIR/cluster-id"
PROPS_FILE="$KAFKA_RUN_DIR/server.properties"

POM="$INFRA_DIR/pom.xml"
LIBS_DIR="$INFRA_DIR/target/libs"
LIBS_STAMP="$INFRA_DIR/target/libs.sha256"
PROPS_TEMPLATE="$INFRA_DIR/server.properties.template"
SERVER_LOG4J="$INFRA_DIR/log4j2.xml"
TOOLS_LOG4J="$INFRA_DIR/tools-log4j2.xml"

HOST=127.0.0.1
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
START_TIMEOUT=${KAFKA_START_TIMEOUT:-120}
STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
read -r -a HEAP_OPTS <<<"${KAFKA_HEAP_OPTS:--Xmx1g -Xms256m}"
STARTED_LINE='Kafka Server started'

log() { printf 'kafka: %s\n' "$*"; }
warn() { printf 'kafka: warning: %s\n' "$*" >&2; }
die() {
  printf 'kafka: error: %s\n' "$*" >&2
  exit 1
}

# Seconds (one decimal) since a start stamp in microseconds.
elapsed_since() {
  local now=${EPOCHREALTIME//[!0-9]/}
  local tenths=$(((now - $1) / 100000))
  printf '%d.%d' $((tenths / 10)) $((tenths % 10))
}

require_java() {
  command -v java >/dev/null 2>&1 ||
    die "java not found. Kafka 4.1 needs Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless)."
  local spec
  spec=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  # Java 8 and older report 1.x.
  if [[ -z "$spec" || "$spec" == 1.* || "${spec%%.*}" -lt 17 ]]; then
    die "Java ${spec:-?} found at $(command -v java); Kafka 4.1 needs Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless)."
  fi
}

require_mvn() {
  command -v mvn >/dev/null 2>&1 ||
    die "mvn not found: it resolves the Kafka jars from Maven Central (Debian: apt-get install -y maven)."
}

# Re-resolves only when target/libs is missing or pom.xml changed since the last resolve.
resolve_jars() {
  local want have=""
  want=$(sha256sum "$POM" | cut -d' ' -f1)
  [[ -f "$LIBS_STAMP" ]] && have=$(<"$LIBS_STAMP")
  if [[ -d "$LIBS_DIR" && "$have" == "$want" ]]; then
    return 0
  fi
  # Never swap the jars under a running broker: it still loads classes from them.
  if [[ -d "$LIBS_DIR" ]] && broker_pid >/dev/null; then
    warn "pom.xml changed since the jars were resolved; keeping the current jars while the broker runs (re-resolved on the next start after: $0 stop)"
    return 0
  fi
  require_mvn
  log "resolving Kafka jars with Maven into ${LIBS_DIR#"$REPO_ROOT"/} (~45 MB, downloaded unless already in ~/.m2)"
  local t0=${EPOCHREALTIME//[!0-9]/}
  # A changed pom may drop or bump jars: start from an empty folder so no stale version stays
  # on the classpath next to the new one.
  rm -rf "$LIBS_DIR" "$LIBS_STAMP"
  # Output kept aside and shown only on failure: Debian's Maven 3.8 prints stray ANSI resets
  # even with -q -B.
  local mvn_log
  mvn_log=$(mktemp)
  if ! mvn -q -B -f "$POM" dependency:copy-dependencies >"$mvn_log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$mvn_log" >&2
    rm -f "$mvn_log"
    die "Maven could not resolve the Kafka jars (output above). Is Maven Central reachable?"
  fi
  rm -f "$mvn_log"
  printf '%s\n' "$want" >"$LIBS_STAMP"
  log "jars resolved in $(elapsed_since "$t0") s"
}

port_open() {
  # bash's /dev/tcp, bounded so that a filtered port cannot hang the script.
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Prints the pid from the pid file if that process is alive and really is our broker
# (a stale pid file may name a recycled pid).
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  printf '%s\n' "$pid"
}

is_running() {
  broker_pid >/dev/null && port_open "$HOST" "$PORT"
}

# Prints the tail of the broker's output; with an offset, only server.log lines written after
# that byte offset (this start's), so an old run's lines cannot pass for this one's.
show_last_lines() {
  local offset=${1:-0} shown=0 lines
  if [[ -s "$STDOUT_LOG" ]]; then
    printf -- '----- last lines of %s -----\n' "$STDOUT_LOG" >&2
    tail -n 40 "$STDOUT_LOG" >&2
    shown=1
  fi
  if [[ -s "$SERVER_LOG" ]]; then
    lines=$(tail -c "+$((offset + 1))" "$SERVER_LOG" | tail -n 40)
    if [[ -n "$lines" ]]; then
      printf -- '----- last lines of %s -----\n%s\n' "$SERVER_LOG" "$lines" >&2
      shown=1
    fi
  fi
  ((shown)) || printf -- '----- (the broker has not logged anything yet) -----\n' >&2
}

# start/stop/reset take a lock so that two concurrent starts (e.g. parallel test targets)
# cannot launch two brokers on the same data folder.
take_lock() {
  mkdir -p "$KAFKA_RUN_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$KAFKA_RUN_DIR/.lock"
    flock 9
  fi
}

kafka_java() {
  java -Dlog4j2.configurationFile="$TOOLS_LOG4J" -cp "$LIBS_DIR/*" "$@"
}

render_config() {
  local tmp="$PROPS_FILE.tmp"
  sed -e "s|@KAFKA_DATA_DIR@|$DATA_DIR|g" -e "s|:9092|:$PORT|g" -e "s|:9093|:$CONTROLLER_PORT|g" \
    "$PROPS_TEMPLATE" >"$tmp"
  mv "$tmp" "$PROPS_FILE"
}

# Formats the storage exactly once: meta.properties in the data folder marks it as done.
format_once() {
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$CLUSTER_ID_FILE.tmp"
    mv "$CLUSTER_ID_FILE.tmp" "$CLUSTER_ID_FILE"
  fi
  if [[ ! -f "$DATA_DIR/meta.properties" ]]; then
    local cluster_id
    cluster_id=$(<"$CLUSTER_ID_FILE")
    log "formatting storage (cluster id $cluster_id) in ${DATA_DIR}"
    # Static quorum (controller.quorum.voters is set), hence no --standalone.
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS_FILE" >/dev/null ||
      die "formatting the Kafka storage failed (see above)"
  fi
}

# Waits until the broker logs "Kafka Server started" after byte offset $2 of server.log.
wait_started() {
  local pid=$1 offset=$2 t0=$3
  local deadline=$((t0 + START_TIMEOUT * 1000000))
  while :; do
    if [[ -f "$SERVER_LOG" ]]; then
      # A log rolled over during start-up is shorter than the offset: search it whole.
      (($(stat -c %s "$SERVER_LOG") < offset)) && offset=0
      if grep -q "$STARTED_LINE" < <(tail -c "+$((offset + 1))" "$SERVER_LOG"); then
        return 0
      fi
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      show_last_lines "$offset"
      rm -f "$PID_FILE"
      die "the broker (pid $pid) exited during start-up; logs in $LOG_DIR"
    fi
    if ((${EPOCHREALTIME//[!0-9]/} > deadline)); then
      show_last_lines "$offset"
      warn "no '$STARTED_LINE' within ${START_TIMEOUT} s; stopping pid $pid"
      stop_pid "$pid"
      die "Kafka did not start within ${START_TIMEOUT} s; logs in $LOG_DIR"
    fi
    sleep 0.25
  done
}

cmd_start() {
  require_java
  take_lock
  local pid
  if is_running; then
    log "already running (pid $(broker_pid), $HOST:$PORT)"
    return 0
  fi
  if pid=$(broker_pid); then
    # Alive but not answering yet: another start is still booting it, or it is stuck.
    log "broker pid $pid exists but $HOST:$PORT does not answer yet; waiting"
    local t0=${EPOCHREALTIME//[!0-9]/}
    until port_open "$HOST" "$PORT"; do
      kill -0 "$pid" 2>/dev/null || die "broker pid $pid exited; see $LOG_DIR"
      if (($(elapsed_since "$t0" | cut -d. -f1) >= START_TIMEOUT)); then
        show_last_lines
        die "pid $pid still not answering on $HOST:$PORT after ${START_TIMEOUT} s; try: $0 stop && $0 start"
      fi
      sleep 0.5
    done
    log "running (pid $pid, $HOST:$PORT)"
    return 0
  fi
  rm -f "$PID_FILE"
  local p
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_open "$HOST" "$p"; then
      die "$HOST:$p is already taken by another process (not started by this script; see: ss -ltnp 'sport = :$p')"
    fi
  done

  resolve_jars
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  render_config
  format_once

  local offset=0
  [[ -f "$SERVER_LOG" ]] && offset=$(stat -c %s "$SERVER_LOG")
  local t0=${EPOCHREALTIME//[!0-9]/}
  # setsid + nohup: the broker outlives this shell and its process group (Ctrl-C in the
  # terminal, a test runner killing its children). The inner bash writes its own pid and then
  # execs java, so the pid file names the JVM itself. 9>&- keeps the start lock out of the JVM.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    java "${HEAP_OPTS[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOG_DIR" -Dlog4j2.configurationFile="$SERVER_LOG4J" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS_FILE" \
    </dev/null >"$STDOUT_LOG" 2>&1 9>&- &
  local launcher=$!
  # The pid file appears as soon as the inner bash runs.
  for _ in {1..40}; do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.05
  done
  pid=$launcher
  if [[ -s "$PID_FILE" ]]; then pid=$(<"$PID_FILE"); fi
  log "starting (pid $pid), waiting for '$STARTED_LINE' (up to ${START_TIMEOUT} s)"
  wait_started "$pid" "$offset" "$t0"
  log "started in $(elapsed_since "$SCRIPT_START_US") s (JVM boot $(elapsed_since "$t0") s): $HOST:$PORT, pid $pid, logs $SERVER_LOG"
}

# SIGTERM (Kafka shuts down cleanly), then SIGKILL after STOP_TIMEOUT seconds.
stop_pid() {
  local pid=$1 waited=0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= STOP_TIMEOUT * 4)); then
      warn "pid $pid still running ${STOP_TIMEOUT} s after SIGTERM; sending SIGKILL (next start will recover its logs)"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
}

cmd_stop() {
  take_lock
  local pid t0=${EPOCHREALTIME//[!0-9]/}
  if ! pid=$(broker_pid); then
    rm -f "$PID_FILE"
    if port_open "$HOST" "$PORT"; then
      warn "$HOST:$PORT answers, but not a broker started by this script (no live pid file in $KAFKA_RUN_DIR); left alone"
    fi
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  stop_pid "$pid"
  log "stopped in $(elapsed_since "$t0") s"
}

cmd_status() {
  local pid
  if ! pid=$(broker_pid); then
    log "not running (no live broker pid in $PID_FILE)"
    return 1
  fi
  if ! port_open "$HOST" "$PORT"; then
    log "pid $pid is alive but $HOST:$PORT does not answer (starting, or stuck: see $SERVER_LOG)"
    return 1
  fi
  log "running: pid $pid, $HOST:$PORT, data $DATA_DIR"
}

cmd_logs() {
  [[ -f "$SERVER_LOG" ]] || die "no log yet at $SERVER_LOG"
  if [[ "${1:-}" == "-f" ]]; then
    exec tail -n 100 -F "$SERVER_LOG"
  fi
  tail -n "${KAFKA_LOG_LINES:-100}" "$SERVER_LOG"
}

cmd_reset() {
  cmd_stop
  # Guard against a surprising DOCSCREEN_RUN_DIR: only ever delete a folder named kafka.
  [[ "$(basename "$KAFKA_RUN_DIR")" == kafka ]] || die "refusing to delete $KAFKA_RUN_DIR"
  rm -rf "$KAFKA_RUN_DIR"
  log "deleted $KAFKA_RUN_DIR (data, logs, cluster id); the next start formats anew"
}

cmd_tool() {
  (($# >= 1)) || die "usage: $0 tool CLASS [ARGS...]"
  require_java
  resolve_jars >&2
  exec java -Dlog4j2.configurationFile="$TOOLS_LOG4J" -cp "$LIBS_DIR/*" "$@"
}

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd=${1:-}
  (($# > 0)) && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset ;;
    topics) cmd_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$PORT" "$@" ;;
    tool) cmd_tool "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
