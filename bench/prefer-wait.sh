#!/usr/bin/env bash
# How long a client waits for a finished builtin design with Prefer: wait, compared with how long the service took
# to make it. The packaged service runs with the builtin designer and the worker on; one client asks for COUNT
# address designs one at a time with `Prefer: wait=30`, each answered 201 with the finished generation. Reports the
# answer time the client saw (curl's time_total) and the service's own accept-to-completed time (completed_at -
# created_at), p50 and p90: their difference is what waiting costs over knowing the end at once (the pg_notify
# wake-up, one read of the generation, the answer).
# Usage: bench/prefer-wait.sh [--no-build] [COUNT]   (COUNT default 40)
set -euo pipefail
SCENARIO="prefer-wait"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
COUNT=40
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=false ;;
        [0-9]*) COUNT="$arg" ;;
        *) echo "usage: bench/prefer-wait.sh [--no-build] [COUNT]" >&2; exit 2 ;;
    esac
done

build_then_prepare "$BUILD"

start_service wait --yarda.rate-limit.max-requests=100000000
port="${SERVICE_PORT[wait]}"
make_users "$port" 1 wait "$COUNT"

: > "$WORK/answers"
for i in $(seq 1 "$COUNT"); do
    curl -s -m 60 -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/api/generations" \
        -H 'Content-Type: application/json' -H 'Prefer: wait=30' -H "Authorization: Bearer ${TOKENS[0]}" \
        -d "{\"input_type\":\"address\",\"input_address\":\"$i Waiting Lane\",\"style\":\"english_garden\"}" \
        >> "$WORK/answers"
done
read -r made_p50 made_p90 <<< "$(sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || ' ' ||
                                              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms))
                                         FROM (SELECT 1000 * extract(epoch FROM completed_at - created_at) AS ms
                                                 FROM generations WHERE status = 'completed') made")"
stop_service wait

created="$(grep -c '^201 ' "$WORK/answers" || true)"
read -r answer_p50 answer_p90 < <(awk '$1 == 201 {print $2 * 1000}' "$WORK/answers" | sort -n | awk '
    {v[NR] = $1} END {if (NR == 0) {print "- -"; exit} printf "%.0f %.0f\n", v[int((NR + 1) * 0.5)], v[int(NR * 0.9 + 0.5)]}')

echo
echo "## Prefer: wait — $COUNT builtin designs one at a time ($(date +%F), $(nproc) cores)"
echo
echo "| | p50 | p90 |"
echo "|---|---:|---:|"
echo "| answer time seen by the client (201 with the finished design) | $answer_p50 ms | $answer_p90 ms |"
echo "| the service's accept to completed (created_at → completed_at) | $made_p50 ms | $made_p90 ms |"
echo
echo "$created of $COUNT answered 201."
[ "$created" = "$COUNT" ] || die "only $created of $COUNT designs were answered 201"
