#!/usr/bin/env bash
# Lints Samraad's OpenAPI document with Redocly CLI's recommended ruleset (npm @redocly/cli, pinned in tools/node).
# The tests do the same (OpenApiLintTests); this prints the summary for a person.
# Starts the app on a scratch data directory, fetches /openapi/v1.json, runs `redocly lint`, stops the app.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${app:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$root/tools/node" && npm ci --no-audit --no-fund --silent)
dotnet run --project "$root/src/Samraad" -- --data-dir "$work/data" --urls http://127.0.0.1:5093 >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do
  curl -sf -o "$work/openapi.json" http://127.0.0.1:5093/openapi/v1.json && break
  sleep 2
done
REDOCLY_TELEMETRY=off "$root/tools/node/node_modules/.bin/redocly" lint "$work/openapi.json" --format=summary
