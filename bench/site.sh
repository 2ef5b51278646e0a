#!/usr/bin/env bash
# The time site resolution adds to a design. The packaged service runs twice with the builtin designer: offline
# (yarda.site.geocoder=none, imagery none), and with the Census geocoder and NAIP imagery pointed at a local
# stand-in (WireMock, speaking their wire formats and answering at once, so what is measured is Yarda's own cost:
# two HTTP calls, JSON parsing, checking and storing the picture). Each run designs COUNT addresses one at a time.
# Reports the designs' processing time (claim to completion) in both runs, and the site survey's own timer
# (yarda.site.survey from /actuator/prometheus). Real services add their network latency on top: the Census
# answers in 0.3 to 14 s (SITE-APIS.md), which the 15 s timeout bounds.
# Usage: bench/site.sh [--no-build] [COUNT]   (COUNT default 30)
set -euo pipefail
SCENARIO="site"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
COUNT=30
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=false ;;
        [0-9]*) COUNT="$arg" ;;
        *) echo "usage: bench/site.sh [--no-build] [COUNT]" >&2; exit 2 ;;
    esac
done

build_then_prepare "$BUILD"

start_site_stand_in

# run NAME [service arguments...]: COUNT designs one at a time; prints "p50 p90" of processing_time_ms and the
# survey timer's "count mean_ms max_ms"
run() {
    local name="$1" port i id metrics
    shift
    start_service "$name" --yarda.rate-limit.max-requests=100000000 "$@"
    port="${SERVICE_PORT[$name]}"
    make_users "$port" 1 "$name" "$COUNT"
    for i in $(seq 1 "$COUNT"); do
        id="$(curl -sf "http://127.0.0.1:$port/api/generations" -H 'Content-Type: application/json' \
            -H "Authorization: Bearer ${TOKENS[0]}" \
            -d "{\"input_type\":\"address\",\"input_address\":\"$i Marquette Ave, Minneapolis, MN 55401\",\"style\":\"english_garden\"}" \
            | json_field id)"
        for _ in $(seq 1 600); do
            sql "SELECT status FROM generations WHERE id = '$id'" | grep -qE 'completed|failed' && break
            sleep 0.05
        done
    done
    PROCESSING[$name]="$(sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms)) || ' ' ||
                                     round(percentile_cont(0.9) WITHIN GROUP (ORDER BY processing_time_ms))
                                FROM generations WHERE status = 'completed'")"
    SITES[$name]="$(sql "SELECT count(*) FILTER (WHERE site->>'hardiness_zone' = '5a') || ' ' ||
                                count(*) FILTER (WHERE overhead_image_key IS NOT NULL)
                           FROM generations WHERE status = 'completed'")"
    metrics="$(curl -sf "http://127.0.0.1:$port/actuator/prometheus" -H "Authorization: Bearer $METRICS_TOKEN")"
    SURVEY[$name]="$(awk '/^yarda_site_survey_seconds_count/ {c = $2} /^yarda_site_survey_seconds_sum/ {s = $2}
                         /^yarda_site_survey_seconds_max/ {m = $2}
                         END { if (c > 0) printf "%d %.1f %.1f", c, 1000 * s / c, 1000 * m; else print "0 - -" }' \
        <<< "$metrics")"
    stop_service "$name"
}

declare -A PROCESSING=() SITES=() SURVEY=()
run offline
run resolved --yarda.site.geocoder=census --yarda.site.census.base-url="http://127.0.0.1:$STUB_PORT" \
    --yarda.site.imagery=naip --yarda.site.naip.base-url="http://127.0.0.1:$STUB_PORT/naip"

read -r off_p50 off_p90 <<< "${PROCESSING[offline]}"
read -r on_p50 on_p90 <<< "${PROCESSING[resolved]}"
read -r surveys survey_mean survey_max <<< "${SURVEY[resolved]}"
read -r zoned pictured <<< "${SITES[resolved]}"
echo
echo "## Site resolution: $COUNT address designs one at a time, builtin designer ($(date +%F), $(nproc) cores)"
echo
echo "| | offline (no lookups) | Census + NAIP (local stand-in) |"
echo "|---|---:|---:|"
echo "| processing time (claim to completed), p50 | $off_p50 ms | $on_p50 ms |"
echo "| processing time, p90 | $off_p90 ms | $on_p90 ms |"
echo "| designs with zone 5a / with an overhead picture | - | $zoned / $pictured of $COUNT |"
echo "| site survey (yarda.site.survey): count, mean, max | - | $surveys, $survey_mean ms, $survey_max ms |"
echo
echo "Time added per design by site resolution, p50: $((on_p50 - off_p50)) ms."
