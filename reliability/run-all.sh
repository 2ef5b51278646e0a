#!/usr/bin/env bash
# Runs every crash and fault scenario against the packaged jar (built first when missing) and prints one PASS or
# FAIL line per scenario; exits non-zero when any fails. --short: smaller batches, for CI (about 5 minutes).
# Usage: reliability/run-all.sh [--short]
set -uo pipefail
cd "$(dirname "$0")" || exit 2
# shellcheck source=lib.sh
source lib.sh
failed=0
started=$(date +%s)

# The services run as in production (lib.sh, RELIABILITY_PRODUCTION): the JDK's AOT cache needs JDK 25 or later
find_java
jar_or_build
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    aot_train "$ROOT/target/reliability-production" "${PRODUCTION_JAVA_OPTS[@]}"
    export RELIABILITY_PRODUCTION="$ROOT/target/reliability-production"
    echo "the services run as in production: ${PRODUCTION_JAVA_OPTS[*]}, the extracted jar and its AOT cache"
else
    echo "JDK $(java_major "$JAVA_HOME/bin/java"): the services run the packaged jar (an AOT cache needs JDK 25)"
fi
for scenario in crash-kill9.sh designer-faults.sh database-outage.sh two-instances.sh two-machines.sh; do
    # every scenario is bounded by its own waits; this is the last resort against a hang
    output="$(timeout 600 "./$scenario" "$@")"
    status=$?
    result="$(grep -E '^(PASS|FAIL) ' <<< "$output" | tail -1)"
    if [ -z "$result" ]; then
        result="FAIL $scenario: exited with status $status without a result"
    elif [ $status -ne 0 ] && [[ "$result" == PASS* ]]; then
        result="FAIL $scenario: exited with status $status after: $result"
    fi
    echo "$result"
    [[ "$result" == PASS* ]] || failed=$((failed + 1))
done
echo "reliability: $((5 - failed)) of 5 scenarios passed in $(($(date +%s) - started)) s"
exit $((failed > 0))
