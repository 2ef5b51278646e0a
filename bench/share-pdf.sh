#!/usr/bin/env bash
# The time to render the PDF of a shared design (GET /s/{token}/pdf: both pictures as JPEG, the template,
# openhtmltopdf's layout, PDFBox's writing; nothing is cached). The packaged service runs with the builtin designer
# and Census + NAIP pointed at a local stand-in (WireMock), so that an address design has its 1600 x 1100 plan and an
# aerial "before" picture, as in production. One design is shared, its PDF downloaded WARMUP times, then COUNT times
# one after another. Reports the request time as the client sees it (median, p90, max) and the service's own render
# timer (yarda.share.pdf from /actuator/prometheus: mean and max of the timed downloads).
# Usage: bench/share-pdf.sh [--no-build] [COUNT]   (COUNT default 20)
set -euo pipefail
SCENARIO="share-pdf"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
COUNT=20
WARMUP=5
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=false ;;
        [0-9]*) COUNT="$arg" ;;
        *) echo "usage: bench/share-pdf.sh [--no-build] [COUNT]" >&2; exit 2 ;;
    esac
done

build_then_prepare "$BUILD"

start_site_stand_in

start_service pdf --yarda.site.geocoder=census --yarda.site.census.base-url="http://127.0.0.1:$STUB_PORT" \
    --yarda.site.imagery=naip --yarda.site.naip.base-url="http://127.0.0.1:$STUB_PORT/naip"
port="${SERVICE_PORT[pdf]}"
make_users "$port" 1 share 10
api="http://127.0.0.1:$port"
id="$(curl -sf "$api/api/generations" -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKENS[0]}" \
    -d '{"input_type":"address","input_address":"250 Marquette Ave, Minneapolis, MN 55401","style":"mediterranean"}' \
    | json_field id)"
for _ in $(seq 1 600); do
    sql "SELECT status FROM generations WHERE id = '$id'" | grep -qE 'completed|failed' && break
    sleep 0.05
done
[ "$(sql "SELECT status FROM generations WHERE id = '$id'")" = completed ] || die "the design did not complete"
token="$(curl -sf -X POST "$api/api/generations/$id/share" -H "Authorization: Bearer ${TOKENS[0]}" | json_field token)"
[ -n "$token" ] || die "could not share the design"

render_timer() {
    curl -sf "$api/actuator/prometheus" -H "Authorization: Bearer $METRICS_TOKEN" \
        | awk '/^yarda_share_pdf_seconds_count/ {c = $2} /^yarda_share_pdf_seconds_sum/ {s = $2}
               /^yarda_share_pdf_seconds_max/ {m = $2} END { printf "%d %.6f %.6f", c, s, m }'
}
for _ in $(seq 1 "$WARMUP"); do
    curl -sf -o /dev/null "$api/s/$token/pdf" || die "the PDF did not download"
done
read -r count_before sum_before _ <<< "$(render_timer)"
: > "$WORK/times.txt"
for _ in $(seq 1 "$COUNT"); do
    curl -sf -o "$WORK/design.pdf" -w '%{time_total}\n' "$api/s/$token/pdf" >> "$WORK/times.txt" \
        || die "the PDF did not download"
done
read -r count_after sum_after render_max <<< "$(render_timer)"
size_kb=$(($(wc -c < "$WORK/design.pdf") / 1024))
read -r median p90 slowest <<< "$(sort -n "$WORK/times.txt" | awk '{t[NR] = $1 * 1000}
    END { printf "%.0f %.0f %.0f", (t[int((NR + 1) / 2)] + t[int(NR / 2) + 1]) / 2, t[int(NR * 0.9 + 0.5)], t[NR] }')"
render_mean="$(awk -v c1="$count_before" -v s1="$sum_before" -v c2="$count_after" -v s2="$sum_after" \
    'BEGIN { printf "%.0f", 1000 * (s2 - s1) / (c2 - c1) }')"
stop_service pdf

echo
echo "## Share PDF: an address design (plan + aerial picture), $COUNT downloads one after another ($(date +%F), $(nproc) cores)"
echo
echo "| PDF | render (yarda.share.pdf), mean / max | request, median / p90 / max |"
echo "|---|---:|---:|"
echo "| $size_kb KB | $render_mean ms / $(awk -v m="$render_max" 'BEGIN { printf "%.0f", 1000 * m }') ms | $median / $p90 / $slowest ms |"
