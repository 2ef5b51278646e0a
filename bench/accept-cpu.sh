#!/usr/bin/env bash
# The CPU that accepting one generation costs, by where it is spent: the service's threads grouped by name (the
# virtual threads' carriers that run the requests, the JIT compilers, GC, ...) and its PostgreSQL, per accepted
# generation, under the accept load of bench/run.sh at 16 connections (16 users, worker off, rate limit raised).
# The JVM's compiler threads keep compiling long after start-up; a longer warm-up leaves less of them in the figure.
# With several jars it measures each in turn, ROUNDS times, alternating (a before/after on a shared machine).
# Usage: bench/accept-cpu.sh [--rounds N] [--warm-up SECONDS] [--seconds SECONDS] [JAR...]   (default: build this
#        checkout's jar; 1 round, 20 s warm-up, 40 s measured)
# Needs a JDK >= 21, wrk and psql (installed with apt-get when missing).
set -euo pipefail
SCENARIO="accept cpu"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
ROUNDS=1
WARM_UP=20
SECONDS_MEASURED=40
JARS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS="$2"; shift ;;
        --warm-up) WARM_UP="$2"; shift ;;
        --seconds) SECONDS_MEASURED="$2"; shift ;;
        -*) echo "usage: bench/accept-cpu.sh [--rounds N] [--warm-up SECONDS] [--seconds SECONDS] [JAR...]" >&2; exit 2 ;;
        *) JARS+=("$(readlink -f "$1")") ;;
    esac
    shift
done
find_java
need_commands wrk wrk
if [ ${#JARS[@]} -eq 0 ]; then
    build_then_prepare true
    JARS=("$JAR")
else
    prepare
fi
export BENCH_LUA="$ROOT/bench/lua"
SERVICE_JAVA_OPTS=()

# CPU ticks of each thread of process $1, summed by thread name without its number
threads() {
    local task name
    for task in /proc/"$1"/task/*; do
        # a thread may end meanwhile
        name="$(sed 's/[0-9]*$//; s/ /_/g' "$task/comm" 2> /dev/null)" || continue
        awk -v name="$name" '{print name, $14 + $15}' "$task/stat" 2> /dev/null || true
    done | awk '{ ticks[$1] += $2 } END { for (n in ticks) print n, ticks[n] }' | sort
}

measure() {
    local jar="$1" pid url before after n pg0 pg1
    JAR="$jar"
    start_service accept --yarda.worker.enabled=false --yarda.rate-limit.max-requests=100000000
    pid="${SERVICE_PID[accept]}"
    url="http://127.0.0.1:${SERVICE_PORT[accept]}"
    make_users "${SERVICE_PORT[accept]}" 16 bench 1000000
    { echo "return {"; for t in "${TOKENS[@]}"; do echo "  \"$t\","; done; echo "}"; } > "$WORK/tokens.lua"
    export BENCH_TOKENS="$WORK/tokens.lua"
    wrk -t2 -c16 -d"${WARM_UP}s" -s "$BENCH_LUA/accept.lua" "$url" > /dev/null
    before="$(sql "SELECT count(*) FROM generations")"
    threads "$pid" > "$WORK/threads.0"
    pg0=$(pg_cpu_ticks "$WORK/accept/postgres")
    wrk -t2 -c16 -d"${SECONDS_MEASURED}s" --latency -s "$BENCH_LUA/accept.lua" "$url" > "$WORK/wrk.txt"
    threads "$pid" > "$WORK/threads.1"
    pg1=$(pg_cpu_ticks "$WORK/accept/postgres")
    after="$(sql "SELECT count(*) FROM generations")"
    n=$((after - before))
    echo "## $(basename "$jar") ($(date '+%F %H:%M'), load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "accepted $n in ${SECONDS_MEASURED}s: $(awk -v n="$n" -v s="$SECONDS_MEASURED" 'BEGIN {printf "%.0f/s", n / s}'), p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")"
    echo "CPU per accepted generation: PostgreSQL $(per_request $((pg1 - pg0)) "$n") ms; the service's threads:"
    join -a1 "$WORK/threads.1" "$WORK/threads.0" | awk -v n="$n" -v hz="$CLK_TCK" '{ d = $2 - ($3 == "" ? 0 : $3)
        total += d; ms = 1000 * d / hz / n; if (ms >= 0.005) printf "  %-26s %.2f ms\n", $1, ms }
        END { printf "  %-26s %.2f ms\n", "JVM (all threads)", 1000 * total / hz / n }' \
        | sort -k2 -rn
    echo "ledger: $(invariants | sed 's/ unsettled=[0-9]*//')"
    stop_service accept
    rm -rf "$WORK/accept"
}

for _ in $(seq 1 "$ROUNDS"); do
    for jar in "${JARS[@]}"; do
        measure "$jar"
    done
done
