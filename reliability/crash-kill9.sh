#!/usr/bin/env bash
# Scenario (a): kill -9 of the service with 50 generations in flight. The service runs on its embedded PostgreSQL
# with a 5 s lease. Each kill is a crash of the whole host: SIGKILL to the JVM and then to its PostgreSQL, which
# recovers from its write-ahead log on the next start.
#   1. 50 generations are accepted by an instance whose worker is off, then it is killed: 50 pending.
#   2. It restarts with its worker on and is killed again as soon as designs are running (processing, leased).
#   3. It restarts: every generation must end completed or failed, each failed one refunded exactly once, no
#      generation charged twice or not at all, and every user's ledger must add up to the balances.
# Usage: reliability/crash-kill9.sh [--short]
set -euo pipefail
SCENARIO="(a) kill -9 with generations in flight"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
GENERATIONS=50
USERS=10
[ "${1:-}" = "--short" ] && USERS=5
prepare

SERVICE_ARGS=(--yarda.worker.lease=5s --yarda.worker.concurrency=8 --yarda.rate-limit.max-requests=1000)
crash() { # SIGKILL the JVM, report what was in flight, then SIGKILL its PostgreSQL
    { kill -9 "${SERVICE_PID[a]}" && wait "${SERVICE_PID[a]}"; } 2> /dev/null || true
    sql "SELECT count(*) FILTER (WHERE status = 'pending') || ' pending, '
             || count(*) FILTER (WHERE status = 'processing') || ' processing, '
             || count(*) FILTER (WHERE status IN ('completed', 'failed')) || ' finished'
          FROM generations"
    stop_postmaster "$WORK/a/postgres"
}

start_service a "${SERVICE_ARGS[@]}" --yarda.worker.enabled=false
make_users "${SERVICE_PORT[a]}" "$USERS" crash
submit "${SERVICE_PORT[a]}" "$GENERATIONS" crash
first="$(crash)"
log "kill 1 after $ACCEPTED accepted: $first"

start_service a "${SERVICE_ARGS[@]}"
for i in $(seq 1 200); do # at most 20 s
    [ "$(sql "SELECT count(*) FROM generations WHERE status = 'processing'")" -gt 0 ] && break
    sleep 0.1
done
second="$(crash)"
log "kill 2 while designing: $second"

start_service a "${SERVICE_ARGS[@]}"
settled=true
wait_until_settled 120 || settled=false
checks="$(invariants)"
outcome="$(sql "SELECT count(*) FILTER (WHERE status = 'completed') || ' completed, '
               || count(*) FILTER (WHERE status = 'failed') || ' failed, attempts ' || min(attempts) || '-' || max(attempts)
                FROM generations")"
total="$(sql "SELECT count(*) FROM generations")"
stop_service a

summary="$ACCEPTED accepted; kill 1: $first; kill 2: $second; after restart: $outcome; $checks"
if [ "$ACCEPTED" -eq "$GENERATIONS" ] && [ "$total" -eq "$GENERATIONS" ] && [[ "$first" == "$GENERATIONS pending"* ]] \
    && [[ "$second" != *" 0 processing"* ]] && $settled && echo "$checks" | all_zero; then
    pass "$summary"
else
    fail "$summary (settled: $settled, rows: $total)"
fi
exit $((FAILURES > 0))
