#!/usr/bin/env bash
# How fast the worker works off a burst with the builtin designer, at a given worker concurrency: COUNT generations
# accepted as fast as 8 clients can, then completed per second from the first claim to the last completion (by the
# database's clock), and the designer's own time (processing_time_ms, p50). With concurrency 1 this shows the gap
# between one design finishing and the next starting (a freed slot used at once, or after a poll interval).
# Usage: bench/burst.sh [--no-build] [--jar PATH] [--concurrency N] [COUNT]   (defaults: concurrency 1, COUNT 40)
set -euo pipefail
SCENARIO="burst"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
COUNT=40
CONCURRENCY=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=false ;;
        --jar) JAR="$(readlink -f "$2")"; BUILD=false; shift ;;
        --concurrency) CONCURRENCY="$2"; shift ;;
        [0-9]*) COUNT="$1" ;;
        *) echo "usage: bench/burst.sh [--no-build] [--jar PATH] [--concurrency N] [COUNT]" >&2; exit 2 ;;
    esac
    shift
done

build_then_prepare "$BUILD"

start_service burst --yarda.worker.concurrency="$CONCURRENCY" --yarda.rate-limit.max-requests=100000000
port="${SERVICE_PORT[burst]}"
make_users "$port" 8 burst "$COUNT"
# warm-up: the first designs pay for class loading and the JIT
submit "$port" 8 warm
wait_until_settled 300 || die "the warm-up did not finish"
submit "$port" "$COUNT" burst
wait_until_settled 600 || die "the burst did not finish"
IFS="|" read -r completed rate designer <<< "$(sql "SELECT count(*) FILTER (WHERE status = 'completed'),
        round(count(*) / EXTRACT(EPOCH FROM (max(completed_at) - min(started_at)))::numeric, 2),
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_time_ms))
   FROM generations WHERE input_address LIKE 'burst-%'")"
stop_service burst
echo
echo "## Burst of $COUNT, builtin designer, worker concurrency $CONCURRENCY ($(date +%F), $(nproc) cores, $(basename "$JAR"))"
echo
echo "$completed completed: **$rate completed/s** from the first claim to the last completion; designer p50 $designer ms."
