#!/usr/bin/env bash
# Webhook delivery latency: from a generation's end (its completed_at, the timestamp of the webhook's body) to the
# moment the receiver has the request (WireMock's loggedDate), by the same machine's clock. COUNT address designs
# (builtin designer, worker concurrency 4) from 8 users, each with one webhook to a local WireMock answering 204 at
# once, accepted by 8 clients after an 8-design warm-up (a burst: deliveries compete with the designers for the
# CPU), or with --one-at-a-time each design accepted once the one before has ended (the delivery path alone); then
# p50/p90/p99/max of that latency, and the attempts (every delivery should take one) and duplicates (none: one
# request per webhook-id).
# With yarda.webhooks.allow-private-urls=true, as in development: the receiver is http:// on 127.0.0.1.
# Usage: bench/webhooks.sh [--no-build] [--one-at-a-time] [COUNT]   (default COUNT 50)
set -euo pipefail
SCENARIO="webhooks"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
COUNT=50
SERIAL=false
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=false ;;
        --one-at-a-time) SERIAL=true ;;
        [0-9]*) COUNT="$1" ;;
        *) echo "usage: bench/webhooks.sh [--no-build] [--one-at-a-time] [COUNT]" >&2; exit 2 ;;
    esac
    shift
done

build_then_prepare "$BUILD"

# the receiver: WireMock standalone (from Maven Central, like every other dependency), POST /hook → 204 at once
(cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
    -DoutputDirectory="$WORK" -Dmdep.stripVersion=true) || die "could not fetch wiremock-standalone"
mkdir -p "$WORK/receiver/mappings" "$WORK/receiver/__files"
cat > "$WORK/receiver/mappings/hook.json" << 'JSON'
{"request": {"method": "POST", "url": "/hook"}, "response": {"status": 204}}
JSON
RECEIVER_PORT="$(free_port)"
"$JAVA_HOME/bin/java" -jar "$WORK/wiremock-standalone.jar" --port "$RECEIVER_PORT" --bind-address 127.0.0.1 \
    --root-dir "$WORK/receiver" --disable-banner > "$WORK/receiver.log" 2>&1 &
track $!
receiver="http://127.0.0.1:$RECEIVER_PORT"
for _ in $(seq 1 300); do
    curl -sf -m 2 -o /dev/null "$receiver/__admin/mappings" && break
    sleep 0.2
done
curl -sf -m 2 -o /dev/null "$receiver/__admin/mappings" || die "the receiver did not start"

start_service hooks --yarda.worker.concurrency=4 --yarda.rate-limit.max-requests=100000000 \
    --yarda.webhooks.allow-private-urls=true
port="${SERVICE_PORT[hooks]}"
make_users "$port" 8 hooks "$COUNT"
for token in "${TOKENS[@]}"; do
    status="$(curl -s -m 30 -o "$WORK/webhook.json" -w '%{http_code}' "http://127.0.0.1:$port/api/webhooks" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"url\":\"$receiver/hook\"}")"
    [ "$status" = 201 ] || die "adding a webhook answered $status: $(cat "$WORK/webhook.json")"
done

# delivered_for TAG: how many deliveries of the designs submitted under TAG were delivered
delivered_for() {
    sql "SELECT count(*) FROM webhook_deliveries d JOIN generations g ON g.id = d.generation_id
          WHERE g.input_address LIKE '$1-%' AND d.status = 'delivered'"
}
await_delivered() { # TAG COUNT SECONDS
    for _ in $(seq 1 $(($3 * 5))); do
        [ "$(delivered_for "$1")" -ge "$2" ] && return 0
        sleep 0.2
    done
    return 1
}

# warm-up: the first designs and deliveries pay for class loading and the JIT
submit "$port" 8 warm
wait_until_settled 300 || die "the warm-up did not finish"
await_delivered warm 8 60 || die "the warm-up's webhooks were not delivered"
curl -sf -m 10 -X DELETE "$receiver/__admin/requests" > /dev/null

if $SERIAL; then
    mode="one at a time"
    for i in $(seq 0 $((COUNT - 1))); do
        [ "$(accept "$port" "${TOKENS[i % ${#TOKENS[@]}]}" "bench-$i")" = 202 ] || die "design $i was not accepted"
        wait_until_settled 60 || die "design $i did not finish"
        await_delivered bench $((i + 1)) 30 || die "the webhook of design $i was not delivered"
    done
else
    mode="a burst from 8 clients"
    submit "$port" "$COUNT" bench
    [ "$ACCEPTED" -eq "$COUNT" ] || die "only $ACCEPTED of $COUNT designs were accepted"
    wait_until_settled 600 || die "the designs did not finish"
fi
await_delivered bench "$COUNT" 120 || die "only $(delivered_for bench) of $COUNT webhooks were delivered"
curl -sf -m 30 "$receiver/__admin/requests" | tr -d '\n' > "$WORK/journal.json"

# the journal goes to PostgreSQL on standard input (it is too long for one command-line argument)
IFS="|" read -r received ids p50 p90 p99 max <<< "$({
    printf '%s' "WITH r AS (SELECT e -> 'request' AS request FROM jsonb_array_elements(\$journal\$"
    cat "$WORK/journal.json"
    printf '%s\n' "\$journal\$::jsonb -> 'requests') e),
      l AS (SELECT request -> 'headers' ->> 'webhook-id' AS id,
                   (request ->> 'loggedDate')::numeric
                   - EXTRACT(EPOCH FROM ((request ->> 'body')::jsonb ->> 'timestamp')::timestamptz) * 1000 AS ms
              FROM r)
    SELECT count(*), count(DISTINCT id),
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)), round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)),
           round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)), round(max(ms))
      FROM l;"
} | psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$PGDATABASE")"
retried="$(sql "SELECT count(*) FROM webhook_deliveries d JOIN generations g ON g.id = d.generation_id
                 WHERE g.input_address LIKE 'bench-%' AND d.attempts <> 1")"
designer="$(sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms))
                   FROM generations WHERE input_address LIKE 'bench-%'")"
stop_service hooks

echo
echo "## Webhook delivery latency, $COUNT designs, $mode ($(date +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "generation end → receiver: **p50 $p50 ms, p90 $p90 ms, p99 $p99 ms**, max $max ms; $received requests for"
echo "$ids webhook-ids, $retried deliveries needing more than one attempt; designer p50 $designer ms."
