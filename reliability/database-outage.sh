#!/usr/bin/env bash
# Scenario (c): PostgreSQL stopped for 10 s during load. The service runs against an external PostgreSQL (the
# Debian server binaries, installed when missing, in a temporary directory on a free port) while four clients
# accept generations and read balances. The server is stopped for 10 s and started again. While it is down every
# request must answer 503 problem+json "unavailable" (and /health 503); no answer may be another 5xx; the service
# must serve again by itself afterwards; and nothing may be half-written: every generation has its one consume
# ledger entry, every consume its generation, every failed generation its one refund, and the ledger adds up.
# Every accept carries an Idempotency-Key; those not answered 202 are sent again afterwards, and then there must be
# exactly one generation per accepted key: none made twice, none made without the client hearing of it.
# Usage: reliability/database-outage.sh [--short]
set -euo pipefail
SCENARIO="(c) PostgreSQL stopped for 10 s during load"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
BEFORE=6
AFTER=15
[ "${1:-}" = "--short" ] && BEFORE=4 && AFTER=8
DOWN=10
LANES=4
prepare

start_external_postgres c
PGPORT="$EXT_PGPORT"
start_service c --spring.datasource.url="jdbc:postgresql://127.0.0.1:$EXT_PGPORT/postgres" \
    --spring.datasource.username=postgres --yarda.worker.lease=5s --yarda.rate-limit.max-requests=100000
make_users "${SERVICE_PORT[c]}" "$LANES" outage

now_ms() { date +%s%3N; }

# accept LANE I TOKEN [HEADERS_FILE]: asks for generation I of lane LANE, with its own Idempotency-Key, so that it can
# be sent again unchanged; prints "status content_type"
accept() {
    curl -s -m 20 -o "$WORK/body-$1" -D "${4:-/dev/null}" -w '%{http_code} %{content_type}' \
        "http://127.0.0.1:${SERVICE_PORT[c]}/api/generations" -H "Authorization: Bearer $3" -H "Idempotency-Key: outage-$1-$2" \
        -H 'Content-Type: application/json' \
        -d "{\"input_type\":\"address\",\"input_address\":\"$1-$2 Outage Street\",\"style\":\"mediterranean\"}"
}

# one client: alternately accepts a generation and reads the balance until $WORK/stop exists (at most 2,000
# requests); one line per answer: start_ms end_ms what status content_type error_code lane-request
lane() {
    local lane="$1" token="$2" i start code status ctype
    for i in $(seq 1 2000); do
        [ -e "$WORK/stop" ] && break
        start="$(now_ms)"
        if ((i % 2)); then
            code="$(accept "$lane" "$i" "$token")"
            what=accept
        else
            code="$(curl -s -m 20 -o "$WORK/body-$lane" -w '%{http_code} %{content_type}' \
                "http://127.0.0.1:${SERVICE_PORT[c]}/api/credits/balance" -H "Authorization: Bearer $token")"
            what=balance
        fi
        read -r status ctype <<< "$code"
        err="$(grep -o '"error":"[a-z_]*"' "$WORK/body-$lane" | head -1 | cut -d'"' -f4 || true)"
        echo "$start $(now_ms) $what ${status:-000} ${ctype:-none} ${err:--} $lane-$i"
        sleep 0.05
    done > "$WORK/load-$lane.txt"
}

LANE_PIDS=()
for l in $(seq 0 $((LANES - 1))); do
    lane "$l" "${TOKENS[l]}" &
    LANE_PIDS+=($!)
    track $!
done
sleep "$BEFORE"
pg_external_stop
down_at="$(now_ms)"
log "PostgreSQL stopped"
sleep $((DOWN / 2))
health_down="$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${SERVICE_PORT[c]}/health")"
sleep $((DOWN - DOWN / 2))
up_at="$(now_ms)"
pg_external_start
log "PostgreSQL started again"
recovered_ms=""
for i in $(seq 1 300); do # at most 30 s
    if curl -sf -m 5 -o /dev/null "http://127.0.0.1:${SERVICE_PORT[c]}/health"; then
        recovered_ms=$(($(now_ms) - up_at))
        break
    fi
    sleep 0.1
done
sleep "$AFTER"
touch "$WORK/stop"
for pid in "${LANE_PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done

cat "$WORK"/load-*.txt > "$WORK/answers.txt"
total="$(wc -l < "$WORK/answers.txt")"
# answers to requests made and answered entirely while the database was down
down_answers="$(awk -v d="$down_at" -v u="$up_at" '$1 >= d && $2 <= u' "$WORK/answers.txt" | wc -l)"
down_bad="$(awk -v d="$down_at" -v u="$up_at" '$1 >= d && $2 <= u && !($4 == 503 && $5 ~ /application\/problem\+json/ && $6 == "unavailable")' \
    "$WORK/answers.txt" | wc -l)"
other_5xx="$(awk '$4 >= 500 && $4 != 503' "$WORK/answers.txt" | wc -l)"
unexpected="$(awk '$4 != 200 && $4 != 202 && $4 != 503' "$WORK/answers.txt" | wc -l)"
served_after="$(awk -v u="$up_at" -v r="${recovered_ms:-0}" '$1 >= u + r && ($4 == 202 || $4 == 200)' "$WORK/answers.txt" | wc -l)"
accepted="$(awk '$3 == "accept" && $4 == 202' "$WORK/answers.txt" | wc -l)"
# what a careful client does next: every accept not answered 202 is sent again, same key and body, until it is;
# a generation whose first answer was lost with its commit comes back as a replay, not as a second generation
retried=0 retried_accepted=0 replayed=0
while read -r key; do
    retried=$((retried + 1))
    l="${key%-*}" i="${key#*-}"
    for _ in $(seq 1 10); do
        code="$(accept "$l" "$i" "${TOKENS[l]}" "$WORK/headers-retry")"
        if [ "${code%% *}" = 202 ]; then
            retried_accepted=$((retried_accepted + 1))
            grep -qi '^idempotent-replayed: *true' "$WORK/headers-retry" && replayed=$((replayed + 1))
            break
        fi
        sleep 1
    done
done < <(awk '$3 == "accept" && $4 != 202 {print $7}' "$WORK/answers.txt")
settled=true
wait_until_settled 120 || settled=false
checks="$(invariants)"
rows="$(sql "SELECT count(*) FROM generations")"
stop_service c

summary="$total answers ($accepted accepted); while down: $down_answers answers, $down_bad not 503 unavailable, /health $health_down; other 5xx: $other_5xx; unexpected statuses: $unexpected; healthy ${recovered_ms:-never} ms after the restart, then $served_after served; $rows generations for $accepted accepted + $retried_accepted of $retried retried ($replayed replays); $checks"
if [ "$down_answers" -gt 0 ] && [ "$down_bad" -eq 0 ] && [ "$health_down" = 503 ] && [ "$other_5xx" -eq 0 ] \
    && [ "$unexpected" -eq 0 ] && [ -n "$recovered_ms" ] && [ "$served_after" -gt 0 ] && [ "$retried_accepted" -eq "$retried" ] \
    && [ "$rows" -eq $((accepted + retried_accepted)) ] \
    && $settled && echo "$checks" | all_zero; then
    pass "$summary"
else
    awk '$4 != 200 && $4 != 202 && !($4 == 503 && $6 == "unavailable")' "$WORK/answers.txt" | head -5 >&2
    fail "$summary (settled: $settled)"
fi
exit $((FAILURES > 0))
