#!/usr/bin/env bash
# A quick local measurement of two figures, against the packaged jar on embedded PostgreSQL with the builtin
# designer:
#   1. accepted generation requests per second (wrk, 16 users, rate limit raised, workers off so that only
#      acceptance is measured), with wrk's latency distribution;
#   2. accept -> completed latency of single generations on an idle service (workers on), read from the
#      service's own timestamps (created_at, completed_at).
# Services, users and credits come from reliability/lib.sh, as for bench/run.sh.
# Needs: a JDK >= 21 (JAVA_HOME, or one under /usr/lib/jvm), wrk and psql (installed with apt-get when missing).
# Usage: bench/quick-accept.sh [duration-seconds] [connections]
set -euo pipefail
SCENARIO="quick accept"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
USERS=16

find_java
need_commands wrk wrk
prepare
# the service as it runs by default: no heap or GC flags
SERVICE_JAVA_OPTS=()
SERVICE_ARGS=(--yarda.rate-limit.max-requests=100000000)

start_service accept "${SERVICE_ARGS[@]}" --yarda.worker.enabled=false
make_users "${SERVICE_PORT[accept]}" "$USERS" bench 1000000

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
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/accept.lua" "http://127.0.0.1:${SERVICE_PORT[accept]}" \
    | tee "$WORK/wrk.txt"
after="$(sql "SELECT count(*) FROM generations")"
accepted=$((after - before))
echo
echo "accepted (rows written): $accepted in ${DURATION}s = $(awk -v n="$accepted" -v s="$DURATION" 'BEGIN {printf "%.0f", n / s}')/s"
checks="$(invariants | sed 's/ unsettled=[0-9]*//')"
if echo "$checks" | all_zero; then consistent=yes; else consistent=no; fi
echo "ledger consistent: $consistent ($checks)"
stop_service accept

# accept -> completed on an idle service (a fresh one: no backlog), one generation at a time
start_service latency "${SERVICE_ARGS[@]}"
make_users "${SERVICE_PORT[latency]}" 1 bench
for i in $(seq 1 20); do
    id="$(curl -sf "http://127.0.0.1:${SERVICE_PORT[latency]}/api/generations" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${TOKENS[0]}" \
        -d "{\"input_type\":\"address\",\"input_address\":\"$i Latency Lane, Springfield\",\"style\":\"japanese_zen\"}" \
        | json_field id)"
    for _ in $(seq 1 600); do # at most 30 s each
        sql "SELECT status FROM generations WHERE id = '$id'" | grep -qE 'completed|failed' && break
        sleep 0.05
    done
done
echo "accept -> completed, 20 sequential generations (ms):"
sql "SELECT 'p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || '  p90 '
            || round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)) || '  max ' || round(max(ms))
       FROM (SELECT EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 AS ms
               FROM generations WHERE input_address LIKE '% Latency Lane%' AND status = 'completed') t"
stop_service latency
