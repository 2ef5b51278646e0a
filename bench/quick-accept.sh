#!/usr/bin/env bash
# A quick local measurement of two figures, against the packaged jar on embedded PostgreSQL with the builtin
# designer:
#   1. accepted generation requests per second (wrk, 16 users, rate limit raised, workers off so that only
#      acceptance is measured), with wrk's latency distribution;
#   2. accept -> completed latency of single generations on an idle service (workers on), read from the
#      service's own timestamps (created_at, completed_at).
# Needs: a JDK >= 21 (JAVA_HOME), wrk and psql (Debian: apt-get install wrk postgresql-client).
# Usage: bench/quick-accept.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
USERS=16
PORT="${PORT:-8190}"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}/bin/java"
JAR=target/yarda-0.1.0-SNAPSHOT.jar
WORK="$(mktemp -d)"
trap 'kill "${PID:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests -Dspotless.check.skip

start() { # $1 = worker enabled, $2 = data directory
    "$JAVA" -jar "$JAR" --server.port="$PORT" --yarda.data-dir="$2" \
        --yarda.rate-limit.max-requests=100000000 --yarda.worker.enabled="$1" > "$WORK/service.log" 2>&1 &
    PID=$!
    until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 0.1; done
    PGPORT="$(grep -o 'Embedded PostgreSQL running on 127.0.0.1:[0-9]*' "$WORK/service.log" | tail -1 | cut -d: -f2)"
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
sql() { psql -q -t -A -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c "$1"; }
json() { printf '{"email":"%s","password":"bench password"}' "$1"; }

setup_users() {
TOKENS=()
for i in $(seq 1 "$USERS"); do
    email="bench$i@example.com"
    curl -sf "localhost:$PORT/api/auth/register" -H 'Content-Type: application/json' -d "$(json "$email")" > /dev/null
    TOKENS+=("$(curl -sf "localhost:$PORT/api/auth/login" -H 'Content-Type: application/json' -d "$(json "$email")" \
        | sed 's/.*"access_token":"\([^"]*\)".*/\1/')")
done
# verified users with plenty of tokens; the ledger gets the matching adjustment so that it still adds up
sql "UPDATE users SET email_verified_at = now();
     UPDATE credit_accounts SET token_balance = token_balance + 1000000;
     INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, created_at)
     SELECT gen_random_uuid(), user_id, 'adjustment', 'token', 1000000, token_balance, now() FROM credit_accounts;"
}

start false "$WORK/accept"
setup_users

{
    echo "local tokens = {"
    for t in "${TOKENS[@]}"; do echo "  \"$t\","; done
    cat <<'LUA'
}
local styles = {"modern_minimalist", "california_native", "japanese_zen", "english_garden",
                "desert_landscape", "mediterranean", "tropical_resort"}
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"input_type":"address","input_address":"%d Benchmark Avenue, Springfield","style":"%s"}',
    counter, styles[counter % #styles + 1])
  return wrk.format("POST", "/api/generations", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1]}, body)
end
LUA
} > "$WORK/accept.lua"

before="$(sql "SELECT count(*) FROM generations")"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/accept.lua" "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
after="$(sql "SELECT count(*) FROM generations")"
accepted=$((after - before))
echo
echo "accepted (rows written): $accepted in ${DURATION}s = $(awk "BEGIN {printf \"%.0f\", $accepted / $DURATION}")/s"
echo "ledger consistent: $(sql "SELECT bool_and(a.token_balance = (SELECT COALESCE(sum(amount), 0) FROM credit_ledger l
      WHERE l.user_id = a.user_id AND l.credit_type = 'token')) FROM credit_accounts a")"
stop

# accept -> completed on an idle service (a fresh one: no backlog), one generation at a time
start true "$WORK/latency"
setup_users
for i in $(seq 1 20); do
    id="$(curl -sf "localhost:$PORT/api/generations" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${TOKENS[0]}" \
        -d "{\"input_type\":\"address\",\"input_address\":\"$i Latency Lane, Springfield\",\"style\":\"japanese_zen\"}" \
        | sed 's/.*"id":"\([^"]*\)".*/\1/')"
    until sql "SELECT status FROM generations WHERE id = '$id'" | grep -qE 'completed|failed'; do sleep 0.02; done
done
echo "accept -> completed, 20 sequential generations (ms):"
sql "SELECT 'p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || '  p90 '
            || round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)) || '  max ' || round(max(ms))
       FROM (SELECT EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 AS ms
               FROM generations WHERE input_address LIKE '% Latency Lane%' AND status = 'completed') t"
stop
