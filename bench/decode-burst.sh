#!/usr/bin/env bash
# Whether a burst of large images starves everyone else (issue 14): COUNT parallel uploads of a 39.7-megapixel PNG of
# about 50 KB, like the issue's, by one verified user, while another client times GET /health and POST /api/generations
# (address input) one after the other. Prints the upload statuses and p50/p99/max of both probes during the burst,
# and of the same probes in the 5 s before it (what the machine gives them without a burst).
# The packaged jar runs on embedded PostgreSQL with its worker off (only accepting is measured), the rate limit and
# the upload quotas raised, and the default JVM flags as in bench/run.sh (--xmx SIZE sets a maximum heap instead,
# --production the production JVM flags of reliability/lib.sh). Three unmeasured bursts go first, so that what is
# measured is the service and not its JIT compilers meeting refusals for the first time. --control sends the same
# burst of random bytes instead (each refused 415 after the same authentication, quota checks and multipart
# reading, with nothing decoded): what the arrival of COUNT requests alone costs the probes.
# Usage: bench/decode-burst.sh [--no-build] [--jar PATH] [--xmx SIZE | --production] [--control] [COUNT]
#        [-- SERVICE ARGUMENTS...]
#   (COUNT default 24; arguments after -- go to the service, e.g. -- --yarda.storage.max-concurrent-decodes=1)
set -euo pipefail
SCENARIO="decode-burst"
# shellcheck source=../reliability/lib.sh
source "$(dirname "$0")/../reliability/lib.sh"
BUILD=true
CONTROL=false
COUNT=24
HEAP=()
SERVICE_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=false ;;
        --jar) JAR="$(readlink -f "$2")"; BUILD=false; shift ;;
        --xmx) HEAP=("-Xmx$2"); shift ;;
        --production) HEAP=("${PRODUCTION_JAVA_OPTS[@]}") ;;
        --control) CONTROL=true ;;
        [0-9]*) COUNT="$1" ;;
        --) shift; SERVICE_ARGS=("$@"); break ;;
        *) echo "usage: bench/decode-burst.sh [--no-build] [--jar PATH] [--xmx SIZE | --production] [--control] [COUNT]" \
                "[-- SERVICE ARGUMENTS...]" >&2
           exit 2 ;;
    esac
    shift
done

find_java
need_commands python3 python3
build_then_prepare "$BUILD"
SERVICE_JAVA_OPTS=("${HEAP[@]}")

CLIENT="$ROOT/bench/decode-burst.py"
if [ "$CONTROL" = true ]; then
    head -c 51960 /dev/urandom > "$WORK/large.png"
    what="random bytes (the control)"
else
    python3 "$CLIENT" png "$WORK/large.png"
    what="a 7296 x 5440 PNG"
fi
start_service decode --yarda.worker.enabled=false --yarda.rate-limit.max-requests=100000000 \
    --yarda.uploads.max-per-day=1000000 --yarda.uploads.max-bytes-per-day=1TB "${SERVICE_ARGS[@]}"
port="${SERVICE_PORT[decode]}"
make_users "$port" 2 decode 1000000
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$CLIENT" burst "$port" "${TOKENS[0]}" "${TOKENS[1]}" "$WORK/large.png" "$COUNT" > "$WORK/figures.txt"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
# what the service logged about the burst: refusals, failures, pauses
refusals="$(grep -c 'Refused to decode an upload' "$WORK"/decode.*.log || true)"
unreachable="$(grep -c 'database is unreachable' "$WORK"/decode.*.log || true)"
stop_service decode
echo
echo "## Decode burst: $COUNT uploads of $what at once ($(date +%F), $(nproc) cores, ${HEAP[*]:-default JVM flags}, $(basename "$JAR")${SERVICE_ARGS[*]:+ ${SERVICE_ARGS[*]}})"
echo
sed 's/^/    /' "$WORK/figures.txt"
echo
echo "Service log, the warm-up bursts included: $refusals decodes refused for capacity, $unreachable requests answered"\
    "'database unreachable'."
echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after."
