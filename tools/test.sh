#!/usr/bin/env bash
# The README's test command. On a fresh Debian machine it sets up what the tests need — the apt packages that
# are missing (Chromium, PostgreSQL, fonts, npm, a JRE), the npm tools in tools/node (Redocly, the Nu HTML checker), a running PostgreSQL (without systemd) and its test role — and then
# runs every test on SQLite and PostgreSQL. Its last line is "N passed, N failed".
#
#   tools/test.sh                               everything (what CI runs)
#   tools/test.sh --filter "Speed!=Slow"        skip the browser tests and the benchmark (any `dotnet test` arguments)
#   SAMRAAD_TEST_POSTGRES=… tools/test.sh       use another PostgreSQL server instead of setting one up
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/nginx ] || need+=(nginx)  # the reverse proxy in front of two nodes (NodeTests)
[ -n "${SAMRAAD_TEST_POSTGRES:-}" ] || command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null; } \
    || { echo "apt-get install ${need[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ -z "${SAMRAAD_TEST_POSTGRES:-}" ]; then
  echo "== PostgreSQL"
  version=$(ls /etc/postgresql | sort -n | tail -1)
  $sudo mkdir -p /var/run/postgresql && $sudo chown postgres:postgres /var/run/postgresql
  $sudo pg_ctlcluster "$version" main status >/dev/null 2>&1 || $sudo pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  $sudo runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='samraad_test'" | grep -q 1 \
    || $sudo runuser -u postgres -- psql -qc "CREATE ROLE samraad_test LOGIN PASSWORD 'samraad_test' CREATEDB" \
    || { echo "could not create the PostgreSQL role samraad_test"; echo "0 passed, 1 failed"; exit 1; }
  export SAMRAAD_TEST_POSTGRES="Host=127.0.0.1;Username=samraad_test;Password=samraad_test"
fi

echo "== npm ci (tools/node: Redocly CLI for the OpenAPI lint, vnu-jar for the HTML checker)"
(cd tools/node && npm ci --no-audit --no-fund --silent) || { echo "npm ci in tools/node failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== dotnet test, SQLite and PostgreSQL"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test --logger "trx;LogFilePrefix=run" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
# A build or runner failure that produced no failing test still fails the run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
