#!/usr/bin/env bash
# Start to healthy and resident memory of the packaged service, run two ways: as `java -jar` with the JVM's default
# flags, and as README's "Running in production" runs it (the extracted jar, its AOT cache from a training run and
# the production flags of reliability/lib.sh, which the Dockerfile uses too). Each way starts once on an empty data
# directory and RESTARTS times on the same directory; it prints each start-to-healthy time (process start until
# GET /health answers 200) with the JVM's CPU time until then, the restarts' medians, and the JVM's RSS and the embedded PostgreSQL's PSS after 10 s idle.
# The two ways take turns (default, production, default, ...), so that the load of a shared machine falls on both.
# Usage: bench/footprint.sh [--no-build] [RESTARTS]   (RESTARTS defaults to 3)
set -euo pipefail
SCENARIO="footprint"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
RESTARTS=3
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=false ;;
        [1-9]*) RESTARTS="$arg" ;;
        *) echo "usage: bench/footprint.sh [--no-build] [RESTARTS]" >&2; exit 2 ;;
    esac
done
build_then_prepare "$BUILD"
PACKAGED_JAR="$JAR"

ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

aot_train "$WORK/app" "${PRODUCTION_JAVA_OPTS[@]}"
PRODUCTION_JAR="$JAR"
echo "production: ${PRODUCTION_JAVA_OPTS[*]} -XX:AOTCache=yarda.aot, the extracted jar"

# start_once NAME ROUND: one start of way NAME (default, production) on its data directory $WORK/NAME; round 0 is
# the first start on an empty directory, the last round also measures memory after 10 s idle
declare -A TIMES=() CPU=()
start_once() {
    local name="$1" round="$2" t0 ms cpu rss pg
    if [ "$name" = default ]; then
        JAR="$PACKAGED_JAR" SERVICE_JAVA_OPTS=()
    else
        JAR="$PRODUCTION_JAR" SERVICE_JAVA_OPTS=("${PRODUCTION_JAVA_OPTS[@]}" -XX:AOTCache="$WORK/app/yarda.aot")
    fi
    t0=$(date +%s%N)
    start_service "$name" --yarda.worker.enabled=false
    ms=$(ms_since "$t0")
    # the JVM's CPU time until healthy (user + system): what start-up costs, much less dependent on the load of a
    # shared machine than the wall-clock time
    cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/${SERVICE_PID[$name]}/stat")"
    if [ "$round" -eq 0 ]; then
        echo "$name: first start (empty data directory) healthy after $ms ms, JVM CPU $cpu s (load $(cut -d' ' -f1 /proc/loadavg))"
    else
        TIMES[$name]="${TIMES[$name]:-} $ms"
        CPU[$name]="${CPU[$name]:-} $cpu"
        echo "$name: restart $round healthy after $ms ms, JVM CPU $cpu s (load $(cut -d' ' -f1 /proc/loadavg))"
    fi
    if [ "$round" -eq "$RESTARTS" ]; then
        sleep 10
        rss=$(rss_kb "${SERVICE_PID[$name]}")
        pg=$(pg_pss_kb "$WORK/$name/postgres")
        echo "$name: idle after 10 s: JVM RSS $((rss / 1024)) MB, PostgreSQL PSS $((pg / 1024)) MB, together $(((rss + pg) / 1024)) MB"
    fi
    stop_service "$name"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the two ways take turns, so that a shared machine's load falls on both alike
for round in $(seq 0 "$RESTARTS"); do
    start_once default "$round"
    start_once production "$round"
done
for name in default production; do
    # shellcheck disable=SC2086 # the times, one word each
    echo "$name: restart median $(printf '%s\n' ${TIMES[$name]} | median) ms, JVM CPU $(printf '%s\n' ${CPU[$name]} | median) s (of $RESTARTS)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
