#!/usr/bin/env bash
# ARM API load test: starts the portal (Release build) on SQLite and then on a throw-away PostgreSQL, creates
# PERIMETERS perimeters with one profile and RULES access rules each through the API (default 100 x 200), reads every
# rule back, and prints requests/s and p50/p95 latency for PUT and GET per database. Figures: docs/performance.md.
# Usage: bench/arm-load.sh   (env: PERIMETERS, RULES, CONCURRENCY, NSPPORTAL_BENCH_PG_PORT, NSPPORTAL_BENCH_HTTP_PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PERIMETERS=${PERIMETERS:-100}
RULES=${RULES:-200}
CONCURRENCY=${CONCURRENCY:-8}
PG_PORT=${NSPPORTAL_BENCH_PG_PORT:-55460}
HTTP_PORT=${NSPPORTAL_BENCH_HTTP_PORT:-5080}
TOKEN="bench-$(date +%s)-$RANDOM"
SUBSCRIPTION=8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f   # Contoso Production of the demo tenant
WORK=$(mktemp -d /tmp/nspportal-armload.XXXXXX)
PORTAL_PID=""
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true
  [ -f "$WORK/pg/postmaster.pid" ] && run_pg "$PG_BIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true
  as_root rm -rf "$WORK"
}
trap cleanup EXIT

echo "==> Building (Release)"
dotnet build src/NspPortal.Web -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
dotnet build bench/NspPortal.ArmLoad -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
WEB_BIN="$ROOT/src/NspPortal.Web/bin/Release/net10.0"

start_portal() { # provider connection-string
  (cd "$WEB_BIN" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$HTTP_PORT" \
    Database__Provider="$1" ConnectionStrings__NspPortal="$2" NspPortal__Api__BootstrapToken="$TOKEN" \
    Logging__LogLevel__Default=Warning exec dotnet NspPortal.Web.dll >"$WORK/portal-$1.log" 2>&1) &
  PORTAL_PID=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$HTTP_PORT/subscriptions?api-version=2021-04-01" && return 0
    sleep 0.5
  done
  echo "portal did not start"; cat "$WORK/portal-$1.log"; exit 1
}
stop_portal() { kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }
load() { # label
  dotnet "$ROOT/bench/NspPortal.ArmLoad/bin/Release/net10.0/NspPortal.ArmLoad.dll" --base-url "http://127.0.0.1:$HTTP_PORT" --token "$TOKEN" \
    --subscription "$SUBSCRIPTION" --perimeters "$PERIMETERS" --rules "$RULES" --concurrency "$CONCURRENCY" --label "$1" | tee -a "$WORK/results"
}

echo "==> SQLite ($PERIMETERS perimeters x $RULES rules, $CONCURRENCY clients)"
start_portal Sqlite "Data Source=$WORK/bench.db"
load SQLite
stop_portal

echo "==> PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg" && as_root chown postgres "$WORK" "$WORK/pg" 2>/dev/null || chmod 777 "$WORK" "$WORK/pg"
run_pg "$PG_BIN/initdb -D $WORK/pg -U postgres -A trust --no-sync -E UTF8 >/dev/null"
run_pg "$PG_BIN/pg_ctl -D $WORK/pg -l $WORK/pg/log -w -o '-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1' start >/dev/null"
start_portal Postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=nspportal_bench"
load PostgreSQL
stop_portal

echo
echo "| Database | PUTs | PUT req/s | PUT p50 ms | PUT p95 ms | GETs | GET req/s | GET p50 ms | GET p95 ms | Failures |"
echo "|---|---|---|---|---|---|---|---|---|---|"
grep '^|' "$WORK/results"
