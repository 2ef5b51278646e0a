#!/usr/bin/env bash
# Helpers of bench/run.sh and bench/history.sh, sourced after reliability/lib.sh; not run.

# CPU time in clock ticks: of one process, and of a PostgreSQL server (the postmaster, its reaped children, its
# live children)
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2> /dev/null || echo 0; }
pg_cpu_ticks() {
    local postmaster pid total
    postmaster="$(head -1 "$1/postmaster.pid")"
    total="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")"
    for pid in $(pgrep -P "$postmaster" || true); do
        total=$((total + $(cpu_ticks "$pid")))
    done
    echo "$total"
}
# per_request TICKS REQUESTS: milliseconds of CPU per request
per_request() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (n > 0 ? 1000 * t / hz / n : 0) }'; }

# collect_cursors URL TOKEN ROWS FILE: follows next_before of GET /api/generations?limit=20 from the first page to the
# last and writes every cursor to FILE as a Lua list (for lua/history.lua, BENCH_PAGES=keyset); CURSORS is their
# number. Dies unless the pages gave ROWS distinct designs, each once. No cursor (CURSORS=0) when the service does not
# answer next_before (a build from before it).
collect_cursors() {
    local url="$1" token="$2" rows="$3" file="$4" body cursor ids="$WORK/cursor-ids.txt" list=()
    : > "$ids"
    body="$(curl -sf -m 30 "$url/api/generations?limit=20" -H "Authorization: Bearer $token")"
    while true; do
        grep -o '"id":"[^"]*"' <<< "$body" | sort -u >> "$ids" || true
        cursor="$(sed -n 's/.*"next_before":"\([^"]*\)".*/\1/p' <<< "$body")"
        [ -n "$cursor" ] || break
        list+=("$cursor")
        body="$(curl -sf -m 30 "$url/api/generations?limit=20&before=$cursor" -H "Authorization: Bearer $token")"
    done
    CURSORS=${#list[@]}
    [ "$CURSORS" -gt 0 ] || return 0
    local seen distinct
    seen="$(wc -l < "$ids")"
    distinct="$(sort -u "$ids" | wc -l)"
    if [ "$seen" -ne "$rows" ] || [ "$distinct" -ne "$rows" ]; then
        die "following next_before gave $seen designs ($distinct distinct), not $rows"
    fi
    { echo "return {"; printf '  "%s",\n' "${list[@]}"; echo "}"; } > "$file"
    log "$CURSORS cursors: following next_before from the first page gave all $rows designs once"
}
