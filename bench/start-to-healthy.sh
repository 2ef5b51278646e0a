#!/usr/bin/env bash
# Start-to-healthy of the packaged jar: from process start until GET /health answers 200, first on an empty data
# directory (initdb + migrations), then restarts on the same directory.
# Usage: bench/start-to-healthy.sh [restarts]   (needs JAVA_HOME pointing at a JDK >= 21)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}/bin/java"
JAR=target/yarda-0.1.0-SNAPSHOT.jar
PORT="${PORT:-8191}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests -Dspotless.check.skip

measure() {
    local start end pid
    start=$(date +%s%N)
    "$JAVA" -jar "$JAR" --server.port="$PORT" --yarda.data-dir="$DATA" > "$DATA/service-$1.log" 2>&1 &
    pid=$!
    until curl -sf "localhost:$PORT/health" > /dev/null; do sleep 0.02; done
    end=$(date +%s%N)
    echo "$1: healthy after $(( (end - start) / 1000000 )) ms"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

measure "first start"
for i in $(seq 1 "${1:-3}"); do
    measure "restart $i"
done
