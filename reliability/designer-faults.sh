#!/usr/bin/env bash
# Scenario (b): the designer fails or times out on 30 % of calls. FaultyGemini.java (a local stand-in speaking
# Gemini's generateContent wire format) answers 500, 429 or only after 3 s, by a seeded random draw, on 30 % of
# calls; the service calls it with a 2 s timeout and one retry. Every generation must end completed or failed,
# every failed one refunded exactly once (and only those), none left pending or processing, and the ledger must
# add up.
# Usage: reliability/designer-faults.sh [--short]
set -euo pipefail
SCENARIO="(b) designer failing or timing out on 30 % of calls"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
GENERATIONS=200
[ "${1:-}" = "--short" ] && GENERATIONS=100
prepare

start_faulty_gemini --fault-rate 0.3 --seed 6 --slow-ms 3000
start_service b "${GEMINI_ARGS[@]}" --yarda.designer.gemini.timeout=2s --yarda.designer.gemini.max-retries=1 \
    --yarda.designer.gemini.backoff=200ms --yarda.designer.gemini.max-backoff=1s --yarda.designer.gemini.budget=10s \
    --yarda.worker.lease=10s --yarda.worker.concurrency=8 --yarda.rate-limit.max-requests=1000
make_users "${SERVICE_PORT[b]}" 8 faults
submit "${SERVICE_PORT[b]}" "$GENERATIONS" faults
settled=true
wait_until_settled 180 || settled=false
checks="$(invariants)"
outcome="$(sql "SELECT count(*) FILTER (WHERE status = 'completed') || ' completed, '
               || count(*) FILTER (WHERE status = 'failed') || ' failed ('
               || count(*) FILTER (WHERE status = 'failed' AND error_message LIKE '%did not answer within%') || ' timed out)'
                FROM generations")"
failed="$(sql "SELECT count(*) FROM generations WHERE status = 'failed'")"
completed="$(sql "SELECT count(*) FROM generations WHERE status = 'completed'")"
stats="$(gemini_stats)"
stop_service b

summary="$ACCEPTED accepted: $outcome; designer calls $stats; $checks"
if [ "$ACCEPTED" -eq "$GENERATIONS" ] && $settled && [ "$failed" -gt 0 ] && [ "$completed" -gt 0 ] \
    && [ "$((failed + completed))" -eq "$GENERATIONS" ] && echo "$checks" | all_zero; then
    pass "$summary"
else
    fail "$summary (settled: $settled)"
fi
exit $((FAILURES > 0))
