#!/usr/bin/env bash
# Checks that the backing services the docscreen services and tests need are answering:
# PostgreSQL and Redis (and Kafka with --kafka). For each one that is not, prints what is
# missing and the command that starts it on this machine. Exit 0: all answer; 1: one or more
# do not; 2: bad usage.
#
# Usage: infra/scripts/check-services.sh [--kafka]
# Where to look (first match wins):
#   PostgreSQL  PGHOST/PGPORT, else host:port of DATABASE_URL, else 127.0.0.1:5432
#   Redis       host:port of REDIS_URL, else 127.0.0.1:6379
#   Kafka       first entry of KAFKA_BROKERS, else 127.0.0.1:9092
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

check_kafka=0
for arg in "$@"; do
  case "$arg" in
    --kafka) check_kafka=1 ;;
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      printf 'check-services: unknown argument %s (try --help)\n' "$arg" >&2
      exit 2
      ;;
  esac
done

# Prints "host port" from a URL such as postgresql://user:pw@host:5432/db or redis://host:6379,
# falling back to the given defaults for parts that are absent.
url_host_port() {
  local url=$1 default_host=$2 default_port=$3 rest hostport host port
  rest=${url#*://}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  hostport=${rest##*@}
  host=${hostport%:*}
  port=${hostport##*:}
  # No port: plain host, or a bracketed IPv6 literal such as [::1].
  if [[ "$hostport" != *:* || "$hostport" == *"]" ]]; then
    host=$hostport
    port=$default_port
  fi
  # Bracketed IPv6 literal: [::1]:5432
  host=${host#[}
  host=${host%]}
  printf '%s %s\n' "${host:-$default_host}" "${port:-$default_port}"
}

tcp_open() {
  # bash's /dev/tcp, bounded so that a filtered port cannot hang the check.
  timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Docker counts only if its engine answers: the CLI alone (as on the dev VMs) is not enough.
docker_engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

DOCKER=0
if docker_engine_answers; then DOCKER=1; fi

missing=0
report_missing() {
  local what=$1 how=$2
  missing=$((missing + 1))
  printf '  MISSING %s\n' "$what"
  printf '          start it with: %s\n' "$how"
}

# ---- PostgreSQL -------------------------------------------------------------------------
if [[ -n "${PGHOST:-}" || -n "${PGPORT:-}" ]]; then
  pg_host=${PGHOST:-127.0.0.1}
  pg_port=${PGPORT:-5432}
elif [[ -n "${DATABASE_URL:-}" ]]; then
  read -r pg_host pg_port < <(url_host_port "$DATABASE_URL" 127.0.0.1 5432)
else
  pg_host=127.0.0.1
  pg_port=5432
fi
# A PGHOST that is a socket directory (/var/run/postgresql) is not a TCP host.
pg_ok=0
if command -v pg_isready >/dev/null 2>&1; then
  if pg_isready -q -h "$pg_host" -p "$pg_port" -t 3; then pg_ok=1; fi
  pg_how="pg_isready -h $pg_host -p $pg_port"
else
  if [[ "$pg_host" != /* ]] && tcp_open "$pg_host" "$pg_port"; then pg_ok=1; fi
  pg_how="TCP connect; no pg_isready here"
fi
if ((pg_ok)); then
  printf '  ok      PostgreSQL at %s:%s (%s)\n' "$pg_host" "$pg_port" "$pg_how"
else
  if ((DOCKER)); then
    pg_start="docker compose -f $REPO_ROOT/docker-compose.yml up -d postgres"
  elif [[ -d /etc/postgresql ]] && [[ -n "$(ls /etc/postgresql 2>/dev/null)" ]]; then
    # Debian's cluster layout: /etc/postgresql/<version>/main. --skip-systemctl-redirect
    # because there is no systemd on the dev VMs and CI.
    pg_versions=(/etc/postgresql/*)
    pg_start="pg_ctlcluster --skip-systemctl-redirect ${pg_versions[-1]##*/} main start"
  else
    pg_start="apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
  fi
  report_missing "PostgreSQL: nothing answers at $pg_host:$pg_port ($pg_how)" "$pg_start"
fi

# ---- Redis ------------------------------------------------------------------------------
if [[ -n "${REDIS_URL:-}" ]]; then
  read -r redis_host redis_port < <(url_host_port "$REDIS_URL" 127.0.0.1 6379)
else
  redis_host=127.0.0.1
  redis_port=6379
fi
redis_ok=0
if command -v redis-cli >/dev/null 2>&1; then
  # -e: non-zero exit on an error reply (e.g. NOAUTH), not only on a connection failure.
  if [[ "$(timeout 3 redis-cli -e -h "$redis_host" -p "$redis_port" ping 2>/dev/null || true)" == PONG ]]; then
    redis_ok=1
  fi
  redis_how="redis-cli ping"
else
  # Speak RESP by hand: PING must come back as +PONG.
  # shellcheck disable=SC2016 # $0, $1 and $line belong to the inner bash
  if reply=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r -t 2 line <&3 && printf "%s" "$line"' \
    "$redis_host" "$redis_port" 2>/dev/null) && [[ "${reply%$'\r'}" == "+PONG" ]]; then
    redis_ok=1
  fi
  redis_how="PING over TCP; no redis-cli here"
fi
if ((redis_ok)); then
  printf '  ok      Redis at %s:%s (%s)\n' "$redis_host" "$redis_port" "$redis_how"
else
  if ((DOCKER)); then
    redis_start="docker compose -f $REPO_ROOT/docker-compose.yml up -d redis"
  else
    # No persistence: dev and test data only, and no dump files in the working directory.
    redis_start="redis-server --daemonize yes --bind 127.0.0.1 --port $redis_port --save \"\" --appendonly no"
    command -v redis-server >/dev/null 2>&1 || redis_start="apt-get install -y redis-server && $redis_start"
  fi
  report_missing "Redis: no PONG from $redis_host:$redis_port ($redis_how)" "$redis_start"
fi

# ---- Kafka (optional) -------------------------------------------------------------------
if ((check_kafka)); then
  first_broker=${KAFKA_BROKERS:-127.0.0.1:9092}
  first_broker=${first_broker%%,*}
  kafka_host=${first_broker%:*}
  kafka_port=${first_broker##*:}
  if tcp_open "$kafka_host" "$kafka_port"; then
    printf '  ok      Kafka at %s:%s (TCP connect)\n' "$kafka_host" "$kafka_port"
  else
    if ((DOCKER)); then
      kafka_start="docker compose -f $REPO_ROOT/docker-compose.yml up -d kafka"
    else
      kafka_start="$REPO_ROOT/infra/kafka/kafka.sh start"
    fi
    report_missing "Kafka: nothing answers at $kafka_host:$kafka_port" "$kafka_start"
  fi
fi

if ((missing > 0)); then
  printf 'check-services: %d service(s) missing; start them with the command(s) above.\n' "$missing" >&2
  exit 1
fi
printf 'check-services: all services answer.\n'
