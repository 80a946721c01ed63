#!/usr/bin/env bash
# Runs every test of NspPortal: builds with warnings as errors, starts a throw-away PostgreSQL, runs the suites on
# SQLite and on PostgreSQL (browser tests included, never skipped for missing setup), validates docker-compose.yml,
# and ends with one line: "N passed, N failed, N skipped". Installs what it needs (postgresql, chromium,
# docker-compose) from Debian when missing; run it as root or with sudo rights on a fresh machine.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"
PG_PORT=${NSPPORTAL_TEST_PG_PORT:-55432}
PG_DIR=$(mktemp -d /tmp/nspportal-pg.XXXXXX)
START=$(date +%s)

log() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. What this script needs from Debian, installed once.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# 2. A throw-away PostgreSQL cluster on loopback, removed on exit.
cleanup() {
  [ -f "$PG_DIR/data/postmaster.pid" ] && as_root su postgres -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop" >/dev/null 2>&1
  as_root rm -rf "$PG_DIR"
}
trap cleanup EXIT
log "Starting a throw-away PostgreSQL on 127.0.0.1:$PG_PORT"
as_root chown postgres "$PG_DIR" 2>/dev/null || chmod 777 "$PG_DIR"
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
run_pg "$PG_BIN/initdb -D $PG_DIR/data -U postgres -A trust --no-sync -E UTF8 >/dev/null" \
  && run_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300' start >/dev/null" \
  || { echo "PostgreSQL did not start"; cat "$PG_DIR/log" 2>/dev/null; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export NSPPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true"

# 3. Build once, warnings as errors (Directory.Build.props).
log "Building"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
if ! dotnet build NspPortal.sln -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# 4. docker-compose.yml must stay valid (no engine needed to check it).
compose_failed=0
log "Validating docker-compose.yml"
docker-compose -f docker-compose.yml config -q || compose_failed=1

# 5. The suites. Database-backed ones run twice: SQLite, then PostgreSQL.
export NSPPORTAL_E2E_REQUIRED=1
run_failed=0
run_suite() { # provider project...
  local provider=$1; shift
  for project in "$@"; do
    local name; name=$(basename "$project")
    log "$name on $provider"
    NSPPORTAL_TEST_DATABASE=$provider dotnet test "$project" --no-build -nologo \
      --logger "trx;LogFileName=$name-$provider.trx" --results-directory "$RESULTS/trx" \
      || run_failed=$((run_failed + 1))
    [ -f "$RESULTS/trx/$name-$provider.trx" ] || { echo "no results from $name on $provider"; run_failed=$((run_failed + 1)); }
  done
}
no_db=(tests/NspPortal.Engine.Tests)
with_db=(tests/NspPortal.Data.Tests tests/NspPortal.Cli.Tests tests/NspPortal.Web.Tests tests/NspPortal.E2E.Tests)
run_suite Sqlite "${no_db[@]}" "${with_db[@]}"
run_suite Postgres "${with_db[@]}"

# 6. One closing line, summed from the TRX counters.
read -r passed failed skipped < <(
  cat "$RESULTS"/trx/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"|\/|>/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
[ "$compose_failed" -eq 1 ] && failed=$((failed + 1))
# A suite that crashed without reporting its own failures still counts as a failure.
if [ "$run_failed" -gt 0 ] && [ "$failed" -eq 0 ]; then failed=$run_failed; fi
log "Finished in $(( $(date +%s) - START ))s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
