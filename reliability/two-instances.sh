#!/usr/bin/env bash
# Scenario (d): two service instances on one database under load. Both run against one external PostgreSQL and a
# Gemini stand-in that takes 800 ms per call and never fails (a design is two calls, the image and its plant list:
# the designer's latency, not this machine's CPU, bounds throughput, as with the real Gemini). Phase 1: instance A
# alone works off a batch; phase 2: A and B together work off a batch twice as large, accepted through both. No
# generation may be processed twice (attempts = 1 for every one, one consume each, no refunds, one image call each),
# processed_by must name both instances in phase 2, and the two instances' throughput must add up (phase 2 at least
# 1.3 times phase 1).
# Usage: reliability/two-instances.sh [--short]
set -euo pipefail
SCENARIO="(d) two instances on one database"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
BATCH=100
[ "${1:-}" = "--short" ] && BATCH=30
prepare

start_external_postgres d
PGPORT="$EXT_PGPORT"
# the real Gemini takes seconds per image: a long latency keeps this machine's 2 cores (two services, PostgreSQL,
# the stand-in and the load) from being what the phases measure
start_faulty_gemini --fault-rate 0 --latency-ms 800
# one signing key for both, so that a login on A is valid on B (as behind a load balancer)
JWT_SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
ARGS=("${GEMINI_ARGS[@]}" --yarda.security.jwt-secret="$JWT_SECRET" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$EXT_PGPORT/postgres"
    --spring.datasource.username=postgres --yarda.worker.concurrency=4 --yarda.worker.lease=30s
    --yarda.worker.poll-interval=200ms --yarda.rate-limit.max-requests=100000)

# generations per second of one phase: from the first start to the last completion, by the database's clock
rate() {
    sql "SELECT round(count(*) / EXTRACT(EPOCH FROM (max(completed_at) - min(started_at)))::numeric, 1)
           FROM generations WHERE input_address LIKE '$1-%'"
}

start_service a "${ARGS[@]}"
make_users "${SERVICE_PORT[a]}" 8 cluster
submit "${SERVICE_PORT[a]}" "$BATCH" one
accepted_one="$ACCEPTED"
settled_one=true
wait_until_settled 120 || settled_one=false
rate_one="$(rate one)"

start_service b "${ARGS[@]}"
submit "${SERVICE_PORT[a]} ${SERVICE_PORT[b]}" $((2 * BATCH)) two
accepted_two="$ACCEPTED"
settled_two=true
wait_until_settled 120 || settled_two=false
rate_two="$(rate two)"

checks="$(invariants)"
attempts="$(sql "SELECT count(*) FROM generations WHERE attempts <> 1 OR status <> 'completed'")"
by_instance="$(sql "SELECT string_agg(n::text, ' + ' ORDER BY n DESC) FROM (SELECT count(*) AS n FROM generations
                     WHERE input_address LIKE 'two-%' GROUP BY processed_by) t")"
instances="$(sql "SELECT count(DISTINCT processed_by) FROM generations WHERE input_address LIKE 'two-%'")"
designer_calls="$(gemini_stats | sed -n 's/.*"requests":\([0-9]*\).*/\1/p')"
stop_service b
stop_service a

total=$((BATCH * 3))
# two instances share the same 2 cores here (and CI may share them with more): "adds up" means clearly more than
# one instance alone, not exactly twice; the ratio itself is reported
adds_up="$(awk -v one="$rate_one" -v two="$rate_two" 'BEGIN { print ((two >= 1.3 * one) ? "yes" : "no") }')"
summary="A alone: $accepted_one in $rate_one/s; A+B: $accepted_two in $rate_two/s (x$(awk -v one="$rate_one" -v two="$rate_two" 'BEGIN { printf "%.2f", two / one }'), processed $by_instance by $instances instances); not exactly once: $attempts; designer calls $designer_calls for $total generations; $checks"
if [ "$accepted_one" -eq "$BATCH" ] && [ "$accepted_two" -eq $((2 * BATCH)) ] && $settled_one && $settled_two \
    && [ "$attempts" -eq 0 ] && [ "$instances" -eq 2 ] && [ "$designer_calls" -eq "$total" ] && [ "$adds_up" = yes ] \
    && echo "$checks" | all_zero; then
    pass "$summary"
else
    fail "$summary"
fi
exit $((FAILURES > 0))
