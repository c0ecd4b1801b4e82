#!/usr/bin/env bash
# Local Zipkin (traces a person can open at http://127.0.0.1:9411) for machines without Docker: the
# server's executable jar from Maven Central (io.zipkin:zipkin-server, classifier exec), run with
# `java -jar` and in-memory storage, bound to the loopback interface. Pid and log live under
# <repo>/.run/zipkin (or $DOCSCREEN_RUN_DIR/zipkin).
#
# Usage: infra/zipkin/zipkin.sh start | stop | status | logs [-f]
# Environment: DOCSCREEN_RUN_DIR (default <repo>/.run), ZIPKIN_PORT (default 9411),
# ZIPKIN_HEAP_OPTS (default "-Xms64m -Xmx256m"), ZIPKIN_START_TIMEOUT (s, default 90).
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
VERSION=3.5.1
JAR="$INFRA_DIR/target/zipkin-server-$VERSION-exec.jar"
RUN_DIR="${DOCSCREEN_RUN_DIR:-$REPO_ROOT/.run}/zipkin"
PID_FILE="$RUN_DIR/zipkin.pid"
LOG_FILE="$RUN_DIR/zipkin.log"
HOST=127.0.0.1
PORT=${ZIPKIN_PORT:-9411}
START_TIMEOUT=${ZIPKIN_START_TIMEOUT:-90}
read -r -a HEAP_OPTS <<<"${ZIPKIN_HEAP_OPTS:--Xms64m -Xmx256m}"

log() { printf 'zipkin: %s\n' "$*"; }
die() {
  printf 'zipkin: error: %s\n' "$*" >&2
  exit 1
}

healthy() { curl -sf --max-time 2 "http://$HOST:$PORT/health" 2>/dev/null | grep -q '"UP"'; }

# The pid from the pid file, if that process lives and is our Zipkin (a stale file may name a reused pid).
zipkin_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q 'zipkin-server' || return 1
  printf '%s\n' "$pid"
}

resolve_jar() {
  [[ -s "$JAR" ]] && return 0
  command -v mvn >/dev/null 2>&1 || die "mvn not found: it resolves the Zipkin server from Maven Central (Debian: apt-get install -y maven)"
  log "resolving io.zipkin:zipkin-server:$VERSION:exec with Maven (~125 MB, downloaded unless already in ~/.m2)"
  local out
  out=$(mktemp)
  if ! mvn -q -B dependency:copy "-Dartifact=io.zipkin:zipkin-server:$VERSION:jar:exec" -Dtransitive=false \
    "-DoutputDirectory=$INFRA_DIR/target" >"$out" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$out" >&2
    rm -f "$out"
    die "Maven could not resolve the Zipkin server (output above). Is Maven Central reachable?"
  fi
  rm -f "$out"
}

cmd_start() {
  command -v java >/dev/null 2>&1 || die "java not found (Zipkin needs Java 17+; Debian: apt-get install -y openjdk-17-jre-headless)"
  mkdir -p "$RUN_DIR"
  if zipkin_pid >/dev/null; then
    log "already running (pid $(zipkin_pid), http://$HOST:$PORT)"
    return 0
  fi
  if healthy; then die "$HOST:$PORT already answers, but not a Zipkin started by this script"; fi
  resolve_jar
  local started=$SECONDS
  # setsid + nohup: the server outlives this shell; the inner bash writes its pid, then execs java.
  # Armeria's port list is given whole: overriding one field of it drops the others.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    java "${HEAP_OPTS[@]}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -jar "$JAR" \
    "--armeria.ports[0].ip=$HOST" "--armeria.ports[0].port=$PORT" '--armeria.ports[0].protocols[0]=http' \
    </dev/null >"$LOG_FILE" 2>&1 &
  until healthy; do
    if ! zipkin_pid >/dev/null && ((SECONDS - started > 2)); then
      tail -n 30 "$LOG_FILE" >&2
      die "Zipkin exited during start-up; log $LOG_FILE"
    fi
    if ((SECONDS - started > START_TIMEOUT)); then
      tail -n 30 "$LOG_FILE" >&2
      cmd_stop >/dev/null
      die "Zipkin did not answer within $START_TIMEOUT s; log $LOG_FILE"
    fi
    sleep 0.5
  done
  log "started in $((SECONDS - started)) s: http://$HOST:$PORT (pid $(zipkin_pid), log $LOG_FILE)"
}

cmd_stop() {
  local pid waited=0
  if ! pid=$(zipkin_pid); then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= 60)); then kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.25
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  pid=$(zipkin_pid) || {
    log "not running"
    return 1
  }
  healthy || {
    log "pid $pid is alive but http://$HOST:$PORT/health does not say UP (starting, or stuck: see $LOG_FILE)"
    return 1
  }
  log "running: pid $pid, http://$HOST:$PORT"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) if [[ "${2:-}" == "-f" ]]; then exec tail -n 100 -F "$LOG_FILE"; else tail -n 100 "$LOG_FILE"; fi ;;
  *) die "usage: $0 start | stop | status | logs [-f]" ;;
esac
