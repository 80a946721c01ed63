#!/usr/bin/env bash
# Load benchmark of the portal (a benchmark, not a CI test): wrk against loopback, Release build.
#   1. one instance on SQLite: 200 connections for 60 s each on the perimeter list, a perimeter blade and an ARM GET;
#   2. two instances on one PostgreSQL (data-protection keys shared through the database: the session cookie and the
#      antiforgery token of instance A are used on both): a mixed read/write run, 200 connections for 60 s in total.
# Prints one line per run (throughput, p50, p99, max, errors) as a Markdown table; docs/performance.md records the figures.
# Settings (environment): NSP_BENCH_DURATION (60s), NSP_BENCH_CONNECTIONS (200), NSP_BENCH_THREADS (4),
# NSPPORTAL_BENCH_PG_PORT (55470). Needs root (or sudo) on a fresh machine to install wrk and postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${NSP_BENCH_DURATION:-60s}
CONNECTIONS=${NSP_BENCH_CONNECTIONS:-200}
THREADS=${NSP_BENCH_THREADS:-4}
PG_PORT=${NSPPORTAL_BENCH_PG_PORT:-55470}
PORT_BASE=${NSPPORTAL_BENCH_PORT_BASE:-5547} # portals on ${PORT_BASE}1..3
WORK=$(mktemp -d /tmp/nspportal-bench.XXXXXX)
chmod 755 "$WORK" # the postgres user must reach its data directory inside
EMAIL=bench@nspportal.test
PASSWORD=load-test-secret-2026
PIDS=()

log() { printf '\n==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/data/postmaster.pid" ] && run_pg "$PG_BIN/pg_ctl -D $WORK/pg/data -m immediate stop" >/dev/null 2>&1
  as_root rm -rf "$WORK"
}
trap cleanup EXIT

log "Publishing the portal (Release)"
dotnet publish src/NspPortal.Web -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

# start_portal <name> <port> <env assignments...>: one portal process, Production settings, API limits lifted (the
# whole load comes from one caller; the limiter itself is tested in CI).
start_portal() {
  local name=$1 port=$2; shift 2
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    NspPortal__Auth__BootstrapAdmin__Email=$EMAIL NspPortal__Auth__BootstrapAdmin__Password=$PASSWORD \
    NspPortal__RateLimits__Api__PermitsPerSecond=1000000 NspPortal__RateLimits__Api__Burst=1000000 \
    Logging__LogLevel__Default=Warning "$@" dotnet "$WORK/app/NspPortal.Web.dll" --contentRoot "$WORK/app" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!) # the dotnet process itself, so cleanup stops exactly what this script started
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz/ready")" = 200 ] && return 0
    sleep 0.5
  done
  echo "$name did not become ready"; cat "$WORK/$name.log"; exit 1
}

# sign_in <port> <jar>: through the real form; then an antiforgery token for this session (printed).
sign_in() {
  local port=$1 jar=$2 page token
  page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/signin")
  token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$port/signin" --data-urlencode "_handler=signin" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD"
  page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/tokens")
  grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//'
}

cookie_header() { sed 's/^#HttpOnly_//' "$1" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep="; " }'; }

# new_token <port> <jar> <antiforgery token>: a personal access token from the tokens page (printed).
new_token() {
  curl -s -c "$2" -b "$2" "http://127.0.0.1:$1/account/tokens" --data-urlencode "_handler=create-token" \
    --data-urlencode "__RequestVerificationToken=$3" --data-urlencode "NewToken.Name=load test $RANDOM" --data-urlencode "NewToken.LifetimeDays=7" \
    | grep -o 'value="nsp_pat_[^"]*"' | head -1 | sed 's/value="//;s/"$//'
}

# result <label> <wrk output>: one Markdown row.
result() {
  local line; line=$(grep '^RESULT' <<<"$2" | tail -1)
  declare -A r; for kv in ${line#RESULT }; do r[${kv%%=*}]=${kv#*=}; done
  local secs; secs=$(awk "BEGIN { print ${r[duration_us]} / 1000000 }")
  local errors=$(( r[errors_status] + r[errors_connect] + r[errors_read] + r[errors_write] + r[errors_timeout] ))
  printf '| %s | %d | %.0f | %.1f | %.1f | %.1f | %d%s |\n' "$1" "${r[requests]}" "$(awk "BEGIN { print ${r[requests]} / $secs }")" \
    "$(awk "BEGIN { print ${r[p50_us]} / 1000 }")" "$(awk "BEGIN { print ${r[p99_us]} / 1000 }")" "$(awk "BEGIN { print ${r[max_us]} / 1000 }")" \
    "$errors" "${r[writes]:+ (writes: ${r[writes]}, conflicts: ${r[conflicts]})}"
}

PROD=8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f
DEV=3c9d7e21-4f5a-4e8b-a1c2-d3e4f5a6b7c8
ROWS=()

log "Run 1: one instance on SQLite, $CONNECTIONS connections, $DURATION per target"
mkdir -p "$WORK/sqlite"
start_portal sqlite ${PORT_BASE}1 Database__Provider=Sqlite Database__SqlitePath="$WORK/sqlite/nspportal.db"
TOKEN=$(sign_in ${PORT_BASE}1 "$WORK/jar-sqlite")
COOKIE=$(cookie_header "$WORK/jar-sqlite")
PAT=$(new_token ${PORT_BASE}1 "$WORK/jar-sqlite" "$TOKEN")
[ -n "$PAT" ] || { echo "could not create a token"; exit 1; }
for target in \
  "Perimeter list (page)|/browse/Microsoft.Network/networkSecurityPerimeters|cookie" \
  "Perimeter blade (page)|/resource/subscriptions/$PROD/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview|cookie" \
  "ARM GET perimeter|/subscriptions/$PROD/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod?api-version=2025-05-01|bearer" \
  "ARM GET role assignments|/subscriptions/$PROD/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01|bearer"; do
  IFS='|' read -r label path auth <<<"$target"
  if [ "$auth" = bearer ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PAT" "http://127.0.0.1:${PORT_BASE}1$path")" != 200 ]; then
    log "skipping $label: $path is not served by this build"; continue
  fi
  log "$label"
  if [ "$auth" = cookie ]; then out=$(NSP_COOKIE="$COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/wrk/get.lua "http://127.0.0.1:${PORT_BASE}1$path")
  else out=$(NSP_BEARER="$PAT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/wrk/get.lua "http://127.0.0.1:${PORT_BASE}1$path"); fi
  ROWS+=("$(result "SQLite, 1 instance: $label" "$out")")
done
# The same reads at moderate concurrency: the latency of one request when the portal is not saturated.
LIGHT=${NSP_BENCH_LIGHT_CONNECTIONS:-16}
for target in \
  "Perimeter list (page)|/browse/Microsoft.Network/networkSecurityPerimeters|cookie" \
  "Perimeter blade (page)|/resource/subscriptions/$PROD/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview|cookie" \
  "ARM GET role assignments|/subscriptions/$PROD/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01|bearer"; do
  IFS='|' read -r label path auth <<<"$target"
  log "$label at $LIGHT connections"
  if [ "$auth" = cookie ]; then out=$(NSP_COOKIE="$COOKIE" wrk -t2 -c"$LIGHT" -d20s --timeout 10s -s bench/wrk/get.lua "http://127.0.0.1:${PORT_BASE}1$path")
  else out=$(NSP_BEARER="$PAT" wrk -t2 -c"$LIGHT" -d20s --timeout 10s -s bench/wrk/get.lua "http://127.0.0.1:${PORT_BASE}1$path"); fi
  ROWS+=("$(result "SQLite, 1 instance, $LIGHT connections: $label" "$out")")
done
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

log "Run 2: two instances on one PostgreSQL, mixed reads and writes, $CONNECTIONS connections, $DURATION"
mkdir -p "$WORK/pg"; as_root chown postgres "$WORK/pg" 2>/dev/null || chmod 777 "$WORK/pg"
run_pg "$PG_BIN/initdb -D $WORK/pg/data -U postgres -A trust --no-sync -E UTF8 >/dev/null"
run_pg "$PG_BIN/pg_ctl -D $WORK/pg/data -l $WORK/pg/log -w -o '-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=400' start >/dev/null"
PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=nspportal_bench;Maximum Pool Size=150"
start_portal pg-a ${PORT_BASE}2 Database__Provider=Postgres ConnectionStrings__NspPortal="$PG"
start_portal pg-b ${PORT_BASE}3 Database__Provider=Postgres ConnectionStrings__NspPortal="$PG"
# One perimeter per wrk thread, so tag edits never collide (copies of nsp-contoso-dev, whatever columns the table has).
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d nspportal_bench <<SQL
CREATE TEMP TABLE bench AS SELECT p.*, i FROM "Perimeters" p, generate_series(1, $((THREADS * 2))) i WHERE p."NameKey" = 'NSP-CONTOSO-DEV';
UPDATE bench SET "Id" = gen_random_uuid(), "PerimeterGuid" = gen_random_uuid(), "Name" = 'nsp-bench-' || i, "NameKey" = 'NSP-BENCH-' || i;
ALTER TABLE bench DROP COLUMN i;
INSERT INTO "Perimeters" SELECT * FROM bench;
SQL
TOKEN=$(sign_in ${PORT_BASE}2 "$WORK/jar-pg")
COOKIE=$(cookie_header "$WORK/jar-pg")
PAT=$(new_token ${PORT_BASE}2 "$WORK/jar-pg" "$TOKEN")
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIE" http://127.0.0.1:${PORT_BASE}3/account/tokens)" = 200 ] \
  || { echo "instance B does not accept instance A's session cookie"; exit 1; }
half=$((CONNECTIONS / 2))
NSP_COOKIE="$COOKIE" NSP_TOKEN="$TOKEN" NSP_BEARER="$PAT" NSP_SUB=$DEV NSP_RG=rg-dev-apps NSP_PROD=$PROD NSP_THREAD_BASE=0 \
  wrk -t"$THREADS" -c"$half" -d"$DURATION" --timeout 10s -s bench/wrk/mixed.lua http://127.0.0.1:${PORT_BASE}2/ >"$WORK/mixed-a.txt" &
WA=$!
NSP_COOKIE="$COOKIE" NSP_TOKEN="$TOKEN" NSP_BEARER="$PAT" NSP_SUB=$DEV NSP_RG=rg-dev-apps NSP_PROD=$PROD NSP_THREAD_BASE=$THREADS \
  wrk -t"$THREADS" -c"$half" -d"$DURATION" --timeout 10s -s bench/wrk/mixed.lua http://127.0.0.1:${PORT_BASE}3/ >"$WORK/mixed-b.txt" &
WB=$!
wait $WA $WB
ROWS+=("$(result "PostgreSQL, instance A: mixed" "$(cat "$WORK/mixed-a.txt")")")
ROWS+=("$(result "PostgreSQL, instance B (A's cookie): mixed" "$(cat "$WORK/mixed-b.txt")")")
grep -h '^WRITES' "$WORK/mixed-a.txt" "$WORK/mixed-b.txt" >&2 || true
DB_TAGS=$("$PG_BIN/psql" -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d nspportal_bench -c "SELECT count(*) FROM \"Perimeters\" WHERE \"NameKey\" LIKE 'NSP-BENCH-%' AND \"Tags\" LIKE '%load%'")

echo
echo "| Run | Requests | Req/s | p50 ms | p99 ms | max ms | Errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Bench perimeters whose tags were written: $DB_TAGS of $((THREADS * 2)). Machine: $(nproc) cores, $(uname -r); $(date -u +%F)."
