#!/usr/bin/env bash
# Yarda's benchmarks, in one command: builds the jar, runs it on embedded PostgreSQL with the builtin designer and
# writes every figure to bench/results/<date>-<machine>.md. See bench/README.md for what each figure means.
#   accept      POST /api/generations from 64 users, wrk at 16 and 64 connections (workers off, rate limit raised)
#   database    pgbench running the same SQL transaction at the same concurrency, against the same PostgreSQL
#   history     GET /api/generations pages of a user with 10,000 generations (first page, random pages by offset and
#               by cursor)
#   end to end  generations completed per second by the worker with the builtin designer; accept -> completed
#   footprint   start to healthy (empty data directory, restart), resident memory idle and under load
#   profile     a JFR recording of the accept load at 64 connections: where the CPU goes, hot methods
# Usage: bench/run.sh [--quick] [--no-build] [--production] [--jar PATH]
#   --quick       10 s runs instead of 30 s, a smaller end-to-end batch
#   --production  the service as README's "Running in production" runs it: the extracted jar with its AOT cache and
#                 the production JVM flags (reliability/lib.sh), instead of `java -jar` with the JVM's defaults
#   --jar PATH    measure that jar (an older build, for a before/after) instead of building this checkout's
# Needs a JDK >= 21 (found like .ci/run does), wrk, psql and pgbench (installed with apt-get when missing).
set -euo pipefail
SCENARIO="bench"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
DURATION=30
BATCH=300
BUILD=true
PRODUCTION=false
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) DURATION=10 BATCH=100 ;;
        --no-build) BUILD=false ;;
        --production) PRODUCTION=true ;;
        --jar) JAR="$(readlink -f "$2")"; BUILD=false; shift ;;
        *) echo "usage: bench/run.sh [--quick] [--no-build] [--production] [--jar PATH]" >&2; exit 2 ;;
    esac
    shift
done
USERS=64
HISTORY_ROWS=10000
# the name of a jar given with --jar (empty for this checkout's own), before --production moves JAR to its extract
JAR_GIVEN="$([ "$JAR" = "$ROOT/target/yarda-0.1.0-SNAPSHOT.jar" ] || basename "$JAR" .jar)"

find_java
need_commands wrk wrk psql postgresql-client pgbench postgresql
build_then_prepare "$BUILD"
if $PRODUCTION; then
    aot_train "$WORK/app" "${PRODUCTION_JAVA_OPTS[@]}"
    SERVICE_JAVA_OPTS=("${PRODUCTION_JAVA_OPTS[@]}" -XX:AOTCache="$WORK/app/yarda.aot")
    JVM_FLAGS="production JVM flags \`${PRODUCTION_JAVA_OPTS[*]}\`, extracted jar with its AOT cache (\`--production\`)"
    SUFFIX="-production"
else
    # the service as it runs by default: no heap or GC flags
    SERVICE_JAVA_OPTS=()
    JVM_FLAGS="default JVM flags"
    SUFFIX=""
fi
export BENCH_LUA="$ROOT/bench/lua"
MACHINE="$(uname -n | cut -d. -f1)"
RESULTS="$ROOT/bench/results/$(date +%F)-$MACHINE$SUFFIX${JAR_GIVEN:+-$JAR_GIVEN}.md"
FIGURES="$WORK/figures.md"
: > "$FIGURES"

say() { echo "$*" >> "$FIGURES"; log "$*"; }
field() { sed -n "s/.*$1=\\([^ ]*\\).*/\\1/p" <<< "$2"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
# memory_sampler PID PGDATA FILE: every second, the JVM's RSS and its PostgreSQL's PSS (kB) as a line of FILE,
# until killed; max_memory FILE: the maxima "jvm postgres together"
memory_sampler() {
    while kill -0 "$1" 2> /dev/null; do
        echo "$(rss_kb "$1") $(pg_pss_kb "$2")"
        sleep 1
    done > "$3"
}
max_memory() {
    awk '$1 > j { j = $1 } $2 > p { p = $2 } $1 + $2 > t { t = $1 + $2 } END { print j + 0, p + 0, t + 0 }' "$1"
}
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }

write_tokens() { # the TOKENS array as a Lua file
    {
        echo "return {"
        local t
        for t in "${TOKENS[@]}"; do echo "  \"$t\","; done
        echo "}"
    } > "$1"
}

# wrk_run NAME CONNECTIONS SECONDS SCRIPT URL: one wrk run; its RESULT line is kept as RUN[NAME]
declare -A RUN=()
wrk_run() {
    local out
    out="$(wrk -t2 -c"$2" -d"${3}s" --timeout 10s -s "$BENCH_LUA/$4" "$5" | tee "$WORK/wrk-$1.txt" | grep '^RESULT')"
    RUN[$1]="$out"
    log "$1: $out"
}

# pgbench_run NAME CLIENTS SECONDS: the accept transaction; sets PGBENCH[NAME] to "tps p50 p99 failed"
declare -A PGBENCH=()
pgbench_run() {
    local dir="$WORK/pgbench-$1"
    mkdir -p "$dir"
    (cd "$dir" && PGOPTIONS='-c client_min_messages=warning' pgbench -n -M prepared -c "$2" -j 2 -T "$3" \
        -D users="$USERS" -f "$ROOT/bench/accept.pgbench" -l --log-prefix=tx -h 127.0.0.1 -p "$PGPORT" \
        -U postgres postgres > "$dir/out.txt" 2>&1) || { cat "$dir/out.txt" >&2; die "pgbench failed"; }
    local tps p50 p99 failed
    tps="$(awk '/^tps = / {printf "%.1f", $3}' "$dir/out.txt")"
    failed="$(awk '/number of failed transactions/ {print $5}' "$dir/out.txt")"
    # per-transaction log: client, transaction, latency in microseconds, ...
    read -r p50 p99 < <(cat "$dir"/tx.* | awk '{print $3}' | sort -n | awk '{ v[NR] = $1 } END {
        printf "%.2f %.2f\n", v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }')
    PGBENCH[$1]="$tps $p50 $p99 ${failed:-0}"
    log "pgbench $1: tps $tps p50 $p50 ms p99 $p99 ms failed ${failed:-0}"
}

uptime_load() { awk '{print $1 " " $2 " " $3}' /proc/loadavg; }
LOAD_BEFORE="$(uptime_load)"

# ---------------------------------------------------------------------------------------------------------------
# accept, database, history: one service, workers off, rate limit out of the way
ACCEPT_ARGS=(--yarda.worker.enabled=false --yarda.rate-limit.max-requests=100000000)
t0=$(date +%s%N)
start_service accept "${ACCEPT_ARGS[@]}"
START_FIRST_MS=$(ms_since "$t0")
URL="http://127.0.0.1:${SERVICE_PORT[accept]}"
PGDATA_ACCEPT="$WORK/accept/postgres"
PG_VERSION="$(sql "SHOW server_version")"

make_users "${SERVICE_PORT[accept]}" "$USERS" bench 1000000
# no trial credits, so that every request pays with a token (the same two UPDATEs each time, as in pgbench)
if [ "$TRIAL_CREDITS" -gt 0 ]; then
    for id in "${USER_IDS[@]}"; do
        adjust_credits "${SERVICE_PORT[accept]}" "$id" trial "-$TRIAL_CREDITS" "bench: every request pays with a token"
    done
fi
# pgbench's users, numbered: accept.pgbench picks one at random
sql "CREATE TABLE bench_users AS
     SELECT row_number() OVER (ORDER BY u.email)::int AS n, u.id AS user_id FROM users u WHERE u.email LIKE 'bench%'" \
    > /dev/null
write_tokens "$WORK/tokens.lua"
export BENCH_TOKENS="$WORK/tokens.lua"
sleep 5
RSS_IDLE_KB=$(rss_kb "${SERVICE_PID[accept]}")
PG_IDLE_KB=$(pg_pss_kb "$PGDATA_ACCEPT")
memory_sampler "${SERVICE_PID[accept]}" "$PGDATA_ACCEPT" "$WORK/memory-accept.txt" &
track $!

# the JIT compilers are still busy long after start-up: after 10 s of load they took a third of the JVM's CPU in the
# measured run (bench/accept-cpu.sh shows it by thread), so the measured runs follow a minute of load
WARM_UP=60
log "warm-up"
wrk_run warmup 16 "$WARM_UP" accept.lua "$URL"
rows_before="$(sql "SELECT count(*) FROM generations")"
jvm0=$(cpu_ticks "${SERVICE_PID[accept]}")
pg0=$(pg_cpu_ticks "$PGDATA_ACCEPT")
wrk_run accept16 16 "$DURATION" accept.lua "$URL"
jvm1=$(cpu_ticks "${SERVICE_PID[accept]}")
pg1=$(pg_cpu_ticks "$PGDATA_ACCEPT")
rows_mid="$(sql "SELECT count(*) FROM generations")"
CPU_JVM_ACCEPT=$(per_request $((jvm1 - jvm0)) $((rows_mid - rows_before)))
CPU_PG_ACCEPT=$(per_request $((pg1 - pg0)) $((rows_mid - rows_before)))
RSS_LOAD_KB=0
( for i in $(seq 1 "$DURATION"); do rss_kb "${SERVICE_PID[accept]}"; sleep 1; done > "$WORK/rss.txt" ) &
sampler=$!
track "$sampler"
wrk_run accept64 64 "$DURATION" accept.lua "$URL"
wait "$sampler" || true
RSS_LOAD_KB="$(sort -n "$WORK/rss.txt" | tail -1)"
PG_LOAD_KB=$(pg_pss_kb "$PGDATA_ACCEPT")
rows_after="$(sql "SELECT count(*) FROM generations")"
LEDGER_ACCEPT="$(invariants | sed 's/ unsettled=[0-9]*//')"

pg0=$(pg_cpu_ticks "$PGDATA_ACCEPT")
tx0="$(sql "SELECT count(*) FROM generations")"
pgbench_run c16 16 "$DURATION"
CPU_PG_PGBENCH=$(per_request $(($(pg_cpu_ticks "$PGDATA_ACCEPT") - pg0)) $(($(sql "SELECT count(*) FROM generations") - tx0)))
pgbench_run c64 64 "$DURATION"
LEDGER_PGBENCH="$(invariants | sed 's/ unsettled=[0-9]*//')"

# history: one user with 10,000 generations (completed), each with its consume entry, paid for by the tokens the
# operator granted; written in SQL (bench/history-seed.sql), which the API would take minutes to accept and draw
HISTORY_EMAIL=bench-history
make_users "${SERVICE_PORT[accept]}" 1 "$HISTORY_EMAIL" "$HISTORY_ROWS"
psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$PGDATABASE" -v user_id="${USER_IDS[0]}" -v rows="$HISTORY_ROWS" \
    -f "$ROOT/bench/history-seed.sql" > /dev/null
write_tokens "$WORK/history-token.lua"
BENCH_TOKENS="$WORK/history-token.lua" BENCH_ROWS=$HISTORY_ROWS BENCH_PAGES=first wrk_run history_first 16 "$DURATION" history.lua "$URL"
BENCH_TOKENS="$WORK/history-token.lua" BENCH_ROWS=$HISTORY_ROWS BENCH_PAGES=random wrk_run history_random 16 "$DURATION" history.lua "$URL"
collect_cursors "$URL" "${TOKENS[0]}" "$HISTORY_ROWS" "$WORK/history-cursors.lua"
BENCH_TOKENS="$WORK/history-token.lua" BENCH_CURSORS="$WORK/history-cursors.lua" BENCH_PAGES=keyset \
    wrk_run history_keyset 16 "$DURATION" history.lua "$URL"
LEDGER_HISTORY="$(invariants | sed 's/ unsettled=[0-9]*//')"
stop_service accept
read -r MAX_JVM_ACCEPT MAX_PG_ACCEPT MAX_ALL_ACCEPT < <(max_memory "$WORK/memory-accept.txt")

# restart on the same data directory
t0=$(date +%s%N)
start_service accept "${ACCEPT_ARGS[@]}"
START_RESTART_MS=$(ms_since "$t0")
stop_service accept

# profile: the accept load at 64 connections under Java Flight Recorder, recording only the measured load (started
# with jcmd after the warm-up, so that start-up and JIT compilation stay out of it)
PROFILE_SECONDS=$((DURATION < 20 ? DURATION : 20))
start_service accept "${ACCEPT_ARGS[@]}"
URL="http://127.0.0.1:${SERVICE_PORT[accept]}"
wrk_run profile_warmup 16 "$WARM_UP" accept.lua "$URL"
"$JAVA_HOME/bin/jcmd" "${SERVICE_PID[accept]}" JFR.start name=bench settings=profile > /dev/null
wrk_run profile 64 "$PROFILE_SECONDS" accept.lua "$URL"
"$JAVA_HOME/bin/jcmd" "${SERVICE_PID[accept]}" JFR.stop name=bench filename="$WORK/accept.jfr" > /dev/null
stop_service accept
# kept for a closer look (jfr print, JDK Mission Control); target/ is not committed
mkdir -p "$ROOT/target/bench"
cp "$WORK/accept.jfr" "$ROOT/target/bench/accept.jfr"
"$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/accept.jfr" > "$WORK/hot-methods.txt" 2>&1 || true
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$WORK/accept.jfr" > "$WORK/samples.txt" 2>&1 || true
awk -f "$ROOT/bench/jfr-breakdown.awk" "$WORK/samples.txt" | sort -rn > "$WORK/breakdown.txt"
SAMPLES="$(grep -c 'jdk.ExecutionSample' "$WORK/samples.txt" || true)"

# ---------------------------------------------------------------------------------------------------------------
# end to end: a fresh service with its worker (default concurrency) and the builtin designer
start_service e2e --yarda.rate-limit.max-requests=100000000
memory_sampler "${SERVICE_PID[e2e]}" "$WORK/e2e/postgres" "$WORK/memory-e2e.txt" &
track $!
make_users "${SERVICE_PORT[e2e]}" 8 e2e
# one at a time on an idle service
for i in $(seq 1 20); do
    id="$(curl -sf "http://127.0.0.1:${SERVICE_PORT[e2e]}/api/generations" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${TOKENS[0]}" \
        -d "{\"input_type\":\"address\",\"input_address\":\"$i Latency Lane, Springfield\",\"style\":\"japanese_zen\"}" \
        | json_field id)"
    for _ in $(seq 1 300); do
        sql "SELECT status FROM generations WHERE id = '$id'" | grep -qE 'completed|failed' && break
        sleep 0.05
    done
done
IDLE_LATENCY="$(sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || ' ' ||
                            round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)) || ' ' ||
                            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY designer_ms))
                       FROM (SELECT EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000 AS ms,
                                    processing_time_ms AS designer_ms
                               FROM generations WHERE input_address LIKE '% Latency Lane%' AND status = 'completed') t")"
# a burst: BATCH accepted as fast as 8 clients can, worked off by the worker
submit "${SERVICE_PORT[e2e]}" "$BATCH" burst
wait_until_settled 600 || die "the end-to-end batch did not finish within 10 minutes"
BURST="$(sql "SELECT count(*) FILTER (WHERE status = 'completed') || ' ' || count(*) FILTER (WHERE status = 'failed') || ' ' ||
                     round((count(*) / EXTRACT(EPOCH FROM (max(completed_at) - min(created_at))))::numeric, 1) || ' ' ||
                     round(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000)) || ' ' ||
                     round(percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (completed_at - created_at)) * 1000)) || ' ' ||
                     round(percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms)) || ' ' ||
                     round(EXTRACT(EPOCH FROM (max(created_at) - min(created_at)))::numeric, 1)
                FROM generations WHERE input_address LIKE 'burst-%'")"
LEDGER_E2E="$(invariants)"
stop_service e2e
read -r MAX_JVM_E2E MAX_PG_E2E MAX_ALL_E2E < <(max_memory "$WORK/memory-e2e.txt")
LOAD_AFTER="$(uptime_load)"

# ---------------------------------------------------------------------------------------------------------------
# the report
rps() { field rps "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
read -r pg16_tps pg16_p50 pg16_p99 pg16_failed <<< "${PGBENCH[c16]}"
read -r pg64_tps pg64_p50 pg64_p99 pg64_failed <<< "${PGBENCH[c64]}"
read -r idle_p50 idle_p99 idle_designer <<< "$IDLE_LATENCY"
read -r burst_done burst_failed burst_rate burst_p50 burst_p99 burst_designer burst_accept_s <<< "$BURST"
accepted16=$((rows_mid - rows_before))
accepted64=$((rows_after - rows_mid))

{
    echo "# Yarda benchmark results: $(date +%F) on $MACHINE"
    echo
    if [ -n "$JAR_GIVEN" ]; then
        echo "Produced by \`bench/run.sh$([ "$DURATION" -eq 10 ] && echo " --quick")$($PRODUCTION && echo " --production") --jar $JAR_GIVEN.jar\` (runs of ${DURATION} s): an"
        echo "earlier build, measured by the scripts of commit \`$(cd "$ROOT" && git rev-parse --short HEAD)\`."
    else
        echo "Produced by \`bench/run.sh$([ "$DURATION" -eq 10 ] && echo " --quick")$($PRODUCTION && echo " --production")\` (runs of ${DURATION} s) at commit"
        echo "\`$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- src pom.xml || echo "+changes")\`."
    fi
    echo
    echo "## Machine and versions"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| CPU | $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores (nproc) |"
    echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) |"
    echo "| OS | $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r) |"
    echo "| load average (1, 5, 15 min) | before: $LOAD_BEFORE; after: $LOAD_AFTER (the machine is shared) |"
    echo "| JDK | $("$JAVA_HOME/bin/java" -version 2>&1 | head -2 | tail -1) |"
    echo "| service | Yarda 0.1.0-SNAPSHOT, Spring Boot $(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$ROOT/pom.xml"), $JVM_FLAGS, Hikari pool 10 |"
    echo "| PostgreSQL | $PG_VERSION (embedded, zonky binaries, fsync on, in the service's data directory) |"
    echo "| load tools | $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), 2 threads; $(pgbench --version) |"
    echo
    echo "## Accepting generations: \`POST /api/generations\`"
    echo
    echo "$USERS verified users with tokens, address requests in turn; worker off, rate limit raised; after a $WARM_UP s warm-up."
    echo "The database's own limit is pgbench running the same SQL (\`bench/accept.pgbench\`, prepared statements)"
    echo "against the same PostgreSQL at the same concurrency (the service itself uses at most 10 connections)."
    echo
    echo "| connections | service accepted/s | p50 | p99 | non-2xx | pgbench tx/s | p50 | p99 | service / database |"
    echo "|---|---|---|---|---|---|---|---|---|"
    echo "| 16 | $(rps "${RUN[accept16]}") | $(field p50_ms "${RUN[accept16]}") ms | $(field p99_ms "${RUN[accept16]}") ms | $(field non2xx "${RUN[accept16]}") | $pg16_tps | $pg16_p50 ms | $pg16_p99 ms | $(ratio "$(rps "${RUN[accept16]}")" "$pg16_tps") |"
    echo "| 64 | $(rps "${RUN[accept64]}") | $(field p50_ms "${RUN[accept64]}") ms | $(field p99_ms "${RUN[accept64]}") ms | $(field non2xx "${RUN[accept64]}") | $pg64_tps | $pg64_p50 ms | $pg64_p99 ms | $(ratio "$(rps "${RUN[accept64]}")" "$pg64_tps") |"
    echo
    echo "Rows written: $accepted16 generations in the 16-connection run, $accepted64 in the 64-connection run"
    echo "(wrk counted $(field requests "${RUN[accept16]}") and $(field requests "${RUN[accept64]}") answers). pgbench failed transactions: $pg16_failed, $pg64_failed."
    echo "Ledger check after the service runs: \`$LEDGER_ACCEPT\`; after pgbench: \`$LEDGER_PGBENCH\`"
    echo "(the generations stay pending: the worker is off)."
    echo
    echo "CPU time per accepted generation at 16 connections (from /proc): service JVM $CPU_JVM_ACCEPT ms and its"
    echo "PostgreSQL $CPU_PG_ACCEPT ms; PostgreSQL under pgbench: $CPU_PG_PGBENCH ms per transaction. On $(nproc) cores shared by the"
    echo "JVM, PostgreSQL and the load tool, these bound throughput."
    echo
    echo "## History: \`GET /api/generations?limit=20\` of a user with $HISTORY_ROWS generations"
    echo
    echo "| pages | connections | requests/s | p50 | p99 | non-2xx |"
    echo "|---|---|---|---|---|---|"
    echo "| first (offset 0) | 16 | $(rps "${RUN[history_first]}") | $(field p50_ms "${RUN[history_first]}") ms | $(field p99_ms "${RUN[history_first]}") ms | $(field non2xx "${RUN[history_first]}") |"
    echo "| random (offset 0 to $((HISTORY_ROWS - 20))) | 16 | $(rps "${RUN[history_random]}") | $(field p50_ms "${RUN[history_random]}") ms | $(field p99_ms "${RUN[history_random]}") ms | $(field non2xx "${RUN[history_random]}") |"
    echo "| random by cursor (\`before\`, pages 2 to $((HISTORY_ROWS / 20))) | 16 | $(rps "${RUN[history_keyset]}") | $(field p50_ms "${RUN[history_keyset]}") ms | $(field p99_ms "${RUN[history_keyset]}") ms | $(field non2xx "${RUN[history_keyset]}") |"
    echo
    echo "Ledger check after the seed: \`$LEDGER_HISTORY\`."
    echo
    echo "## End to end: accepted -> completed by the worker (builtin designer, worker concurrency 4)"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| one at a time on an idle service (20): accept -> completed | p50 $idle_p50 ms, p99 $idle_p99 ms (designer p50 $idle_designer ms) |"
    echo "| burst of $BATCH (8 clients, accepted in $burst_accept_s s): completed per second | $burst_rate/s ($burst_done completed, $burst_failed failed) |"
    echo "| burst: accept -> completed (queueing included) | p50 $burst_p50 ms, p99 $burst_p99 ms (designer p50 $burst_designer ms) |"
    echo
    echo "Ledger check: \`$LEDGER_E2E\`."
    echo
    echo "## Footprint"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| start to healthy, empty data directory (initdb, migrations) | $START_FIRST_MS ms |"
    echo "| start to healthy, restart on the same data directory | $START_RESTART_MS ms |"
    echo "| service RSS idle (after setup) | $(mb "$RSS_IDLE_KB") |"
    echo "| service RSS under load (max during the 64-connection accept run) | $(mb "$RSS_LOAD_KB") |"
    echo "| embedded PostgreSQL PSS idle / after the load | $(mb "$PG_IDLE_KB") / $(mb "$PG_LOAD_KB") |"
    echo "| maxima sampled every second, accept and history service: JVM RSS / PostgreSQL PSS / both | $(mb "$MAX_JVM_ACCEPT") / $(mb "$MAX_PG_ACCEPT") / $(mb "$MAX_ALL_ACCEPT") |"
    echo "| maxima sampled every second, end-to-end service: JVM RSS / PostgreSQL PSS / both | $(mb "$MAX_JVM_E2E") / $(mb "$MAX_PG_E2E") / $(mb "$MAX_ALL_E2E") |"
    echo
    echo "## Profile: accept at 64 connections under JFR (settings=profile, $PROFILE_SECONDS s, after a warm-up)"
    echo
    echo "Throughput while recording: $(rps "${RUN[profile]}")/s, p50 $(field p50_ms "${RUN[profile]}") ms, p99 $(field p99_ms "${RUN[profile]}") ms."
    echo "$SAMPLES execution samples (threads running Java code), by the component of their topmost non-JDK frame"
    echo "(\`bench/jfr-breakdown.awk\`):"
    echo
    echo '```'
    cat "$WORK/breakdown.txt"
    echo '```'
    echo
    echo "\`jfr view hot-methods\`:"
    echo
    echo '```'
    head -30 "$WORK/hot-methods.txt"
    echo '```'
    echo
    echo "The recording is kept in \`target/bench/accept.jfr\`."
    echo
    echo "## Raw wrk output"
    for run in accept16 accept64 history_first history_random history_keyset; do
        echo
        echo "\`$run\`:"
        echo
        echo '```'
        grep -v '^RESULT' "$WORK/wrk-$run.txt"
        echo '```'
    done
} > "$RESULTS"
echo "wrote $RESULTS"
