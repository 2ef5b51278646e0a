#!/usr/bin/env bash
# The history part of bench/run.sh on its own, for a before/after: GET /api/generations?limit=20 of a user with
# 10,000 generations (bench/history-seed.sql; four other users have as many, so that the user's rows are a fifth of
# the table, as in bench/run.sh and unlike a table of one user, where PostgreSQL rightly reads the whole table) at 16
# connections: the first page, random pages by offset and, when the service answers next_before, random pages by
# cursor (the cursors collected first by following next_before from the first page to the last, which also checks
# that the chain gives every design once). Then EXPLAIN ANALYZE of the statements behind a first page, a deep page
# by offset and by cursor, and the total.
# Each run also records the CPU time per request of the service's JVM and of its PostgreSQL (from /proc), which a
# shared machine's load disturbs less than the latencies.
# Usage: bench/history.sh [--no-build] [--jar PATH] [SECONDS]   (SECONDS per run, default 30; a warm-up first)
set -euo pipefail
SCENARIO="history"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
BUILD=true
DURATION=30
ROWS=10000
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=false ;;
        --jar) JAR="$(readlink -f "$2")"; BUILD=false; shift ;;
        [0-9]*) DURATION="$1" ;;
        *) echo "usage: bench/history.sh [--no-build] [--jar PATH] [SECONDS]" >&2; exit 2 ;;
    esac
    shift
done

build_then_prepare "$BUILD"
need_commands wrk wrk
# as bench/run.sh: the default JVM flags, workers off, rate limit out of the way
SERVICE_JAVA_OPTS=()
export BENCH_LUA="$ROOT/bench/lua"
LOAD_BEFORE="$(awk '{print $1 " " $2 " " $3}' /proc/loadavg)"
start_service history --yarda.worker.enabled=false --yarda.rate-limit.max-requests=100000000
URL="http://127.0.0.1:${SERVICE_PORT[history]}"
seed() {
    local id
    for id in "${USER_IDS[@]}"; do
        psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$PGDATABASE" -v user_id="$id" -v rows="$ROWS" \
            -f "$ROOT/bench/history-seed.sql" > /dev/null
    done
}
make_users "${SERVICE_PORT[history]}" 4 bench-other "$ROWS"
seed
make_users "${SERVICE_PORT[history]}" 1 bench-history "$ROWS"
seed
USER_ID="${USER_IDS[0]}"
{ echo "return {"; echo "  \"${TOKENS[0]}\","; echo "}"; } > "$WORK/token.lua"
export BENCH_TOKENS="$WORK/token.lua" BENCH_ROWS="$ROWS"

collect_cursors "$URL" "${TOKENS[0]}" "$ROWS" "$WORK/cursors.lua"
export BENCH_CURSORS="$WORK/cursors.lua"

# wrk_run NAME PAGES [SECONDS]: one wrk run of history.lua at 16 connections; its RESULT line is kept as RUN[NAME],
# the CPU time per request of the service's JVM and of its PostgreSQL as CPU[NAME] ("jvm pg", ms)
declare -A RUN=() CPU=()
PGDATA_HISTORY="$WORK/history/postgres"
wrk_run() {
    local jvm0 pg0 requests
    jvm0=$(cpu_ticks "${SERVICE_PID[history]}")
    pg0=$(pg_cpu_ticks "$PGDATA_HISTORY")
    RUN[$1]="$(BENCH_PAGES="$2" wrk -t2 -c16 -d"${3:-$DURATION}s" --timeout 10s -s "$BENCH_LUA/history.lua" "$URL" \
        | tee "$WORK/wrk-$1.txt" | grep '^RESULT')"
    requests="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "${RUN[$1]}")"
    CPU[$1]="$(per_request $(($(cpu_ticks "${SERVICE_PID[history]}") - jvm0)) "$requests")"
    CPU[$1]+=" $(per_request $(($(pg_cpu_ticks "$PGDATA_HISTORY") - pg0)) "$requests")"
    log "$1: ${RUN[$1]} cpu_ms=${CPU[$1]}"
}
# the JIT compiles the hot paths in the first tens of seconds
wrk_run warmup first 20
[ "$CURSORS" -eq 0 ] || wrk_run warmup_keyset keyset 10
wrk_run first first
wrk_run random random
[ "$CURSORS" -eq 0 ] || wrk_run keyset keyset
LOAD_AFTER="$(awk '{print $1 " " $2 " " $3}' /proc/loadavg)"

# the plans, on the same data: GenerationRepository's statements with the bench user's values
explain() {
    echo
    echo "\`$1\`:"
    echo
    echo '```'
    # the third of three in one session: planned and read warm, as the service's statements are
    psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$PGDATABASE" <<- SQL
	\\o /dev/null
	EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2;
	EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2;
	\\o
	EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2;
	SQL
    echo '```'
}
# GenerationRow.COLUMNS
COLUMNS_SQL="id, user_id, status, input_type, input_address, input_upload_id, style, custom_prompt, credit_type,
    credit_refunded, output_image_key, output_content_type, error_message, attempts, created_at, started_at,
    completed_at, processing_time_ms, site, street_image_key, overhead_image_key, plants, materials, parent_id,
    family_id, feedback, notes, comparison_id, deleted_at IS NOT NULL AS deleted"
DEEP="$(sql "SELECT created_at || '|' || id FROM generations WHERE user_id = '$USER_ID' AND deleted_at IS NULL
              ORDER BY created_at DESC, id DESC OFFSET $((ROWS - 21)) LIMIT 1")"
# GenerationRepository.extentSql: a build from V29 on reads the total that triggers keep (history_totals), an
# earlier one counts it
KEPT_TOTALS="$(sql "SELECT to_regclass('history_totals') IS NOT NULL")"
PLANS="$(
    explain "first page" "SELECT $COLUMNS_SQL FROM generations WHERE user_id = '$USER_ID' AND deleted_at IS NULL
        ORDER BY created_at DESC, id DESC LIMIT 21"
    explain "last page by offset ($((ROWS - 20)))" "SELECT $COLUMNS_SQL FROM generations
        WHERE user_id = '$USER_ID' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET $((ROWS - 20))"
    explain "last page by cursor (before the $((ROWS - 20))th design)" "SELECT $COLUMNS_SQL FROM generations
        WHERE user_id = '$USER_ID' AND deleted_at IS NULL
          AND (created_at, id) < ('${DEEP%|*}'::timestamptz, '${DEEP#*|}'::uuid)
        ORDER BY created_at DESC, id DESC LIMIT 21"
    if [ "$KEPT_TOTALS" = t ]; then
        explain "total (a page by offset)" "SELECT coalesce((SELECT designs FROM history_totals
            WHERE user_id = '$USER_ID'), 0) AS total, 0 AS newer"
        explain "total and the page's offset (a page by cursor)" "SELECT coalesce((SELECT designs FROM history_totals
            WHERE user_id = '$USER_ID'), 0) AS total, (SELECT count(*) FROM generations WHERE user_id = '$USER_ID'
            AND deleted_at IS NULL AND (created_at, id) >= ('${DEEP%|*}'::timestamptz, '${DEEP#*|}'::uuid)) AS newer"
    else
        explain "total (a page by offset)" "SELECT count(*) AS total, 0 AS newer FROM generations
            WHERE user_id = '$USER_ID' AND deleted_at IS NULL"
        explain "total and the page's offset (a page by cursor)" "SELECT count(*) AS total,
            count(*) FILTER (WHERE (created_at, id) >= ('${DEEP%|*}'::timestamptz, '${DEEP#*|}'::uuid)) AS newer
            FROM generations WHERE user_id = '$USER_ID' AND deleted_at IS NULL"
    fi
)"
TABLE_ROWS="$(sql "SELECT count(*) FROM generations")"
stop_service history

field() { sed -n "s/.*$1=\\([^ ]*\\).*/\\1/p" <<< "$2"; }
row() { # row TITLE NAME
    local cpu
    read -r -a cpu <<< "${CPU[$2]}"
    echo "| $1 | 16 | $(field rps "${RUN[$2]}") | $(field p50_ms "${RUN[$2]}") ms | $(field p99_ms "${RUN[$2]}") ms" \
        "| $(field non2xx "${RUN[$2]}") | ${cpu[0]} ms | ${cpu[1]} ms |"
}
echo
echo "## History: \`GET /api/generations?limit=20\` of a user with $ROWS generations ($(date '+%F %H:%M'), $(nproc) cores, $(basename "$JAR"))"
echo
echo "Runs of $DURATION s after a warm-up (20 s of first pages, 10 s of cursor pages); load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER."
echo "The table holds $TABLE_ROWS generations, $ROWS of them the user's."
echo
echo "| pages | connections | requests/s | p50 | p99 | non-2xx | CPU per request: JVM | PostgreSQL |"
echo "|---|---|---|---|---|---|---|---|"
row "first (offset 0)" first
row "random (offset 0 to $((ROWS - 20)))" random
[ "$CURSORS" -eq 0 ] || row "random by cursor (\`before\`, pages 2 to $((ROWS / 20)))" keyset
echo
echo "## Plans"
echo "$PLANS"
