#!/usr/bin/env bash
# Shared helpers of the reliability scenarios: find a JDK, start and stop the packaged service, a throw-away
# external PostgreSQL, SQL and API calls, and the invariants every scenario checks. Sourced, not run.
# Everything a scenario starts is registered with `track` (processes) or lives under $WORK, and `cleanup` (run by
# the EXIT trap) removes it; every wait is bounded.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/yarda-0.1.0-SNAPSHOT.jar"
PIDS=()
PG_DIRS=()
FAILURES=0
# start_service fills these, by service name: SERVICE_PORT[a] is the HTTP port of service "a", SERVICE_PID[a] its JVM
declare -A SERVICE_PORT=() SERVICE_PID=()
# the JVM options of every service start_service starts; bench/run.sh empties it to measure the defaults
SERVICE_JAVA_OPTS=(-Xmx512m)

log() { echo "  [$(date +%H:%M:%S)] $*" >&2; }
die() { echo "FAIL ${SCENARIO:-setup}: $*"; exit 1; }

pass() { echo "PASS $SCENARIO: $*"; }
fail() { echo "FAIL $SCENARIO: $*"; FAILURES=$((FAILURES + 1)); }

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
        return
    fi
    local best=0 candidate major
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -x "$candidate/bin/java" ] || continue
        major="$(java_major "$candidate/bin/java")"
        if [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best" ]; then
            best="$major"
            JAVA_HOME="$candidate"
        fi
    done
    [ "$best" -gt 0 ] || die "no JDK >= 21 found; set JAVA_HOME"
    export JAVA_HOME
}

# Debian packages a scenario needs, installed when missing (a fresh CI machine may lack them).
install_packages() {
    [ "$(id -u)" -eq 0 ] || die "missing packages $*; install them (apt-get install $*)"
    log "installing $*"
    if ! { timeout 600 apt-get update -qq > /dev/null \
        && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "$@" > /dev/null; }; then
        die "could not install $*"
    fi
}

need_commands() { # pairs of "command package"
    local missing=()
    while [ $# -gt 1 ]; do
        command -v "$1" > /dev/null 2>&1 || missing+=("$2")
        shift 2
    done
    [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
}

# jar_or_build: builds the packaged jar when $JAR is missing.
jar_or_build() {
    if [ ! -f "$JAR" ]; then
        log "building $JAR"
        (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dspotless.check.skip) || die "build failed"
    fi
}

prepare() {
    find_java
    need_commands psql postgresql-client curl curl pgrep procps
    jar_or_build
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/yarda-reliability.XXXXXX")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

# build_then_prepare BUILD: what a benchmark does first: the jar is built anew when BUILD is true (a benchmark
# measures the code as it is, not a jar left from before), then prepare.
build_then_prepare() {
    find_java
    if $1; then
        echo "building the jar" >&2
        (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dspotless.check.skip)
    fi
    prepare
}

track() { PIDS+=("$1"); }

cleanup() {
    local status=$? pid dir
    for pid in "${PIDS[@]}"; do
        kill -9 "$pid" 2> /dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    # embedded PostgreSQL of a killed service outlives it: stop every server whose data lives under $WORK
    if [ -n "${WORK:-}" ]; then
        if [ "$FAILURES" -gt 0 ] || [ "$status" -ne 0 ]; then
            # the evidence of a failure outlives the temporary directory
            local keep
            keep="$ROOT/target/reliability-logs/$(basename "$0" .sh)"
            rm -rf "$keep" && mkdir -p "$keep"
            cp "$WORK"/*.log "$WORK"/*.txt "$keep"/ 2> /dev/null || true
            echo "  logs kept in $keep" >&2
        fi
        for dir in "$WORK"/*/postgres "${PG_DIRS[@]}"; do
            stop_postmaster "$dir"
        done
        rm -rf "$WORK"
    fi
}

# Kills the postmaster of data directory $1 (if one runs) and its server processes, by their process ids, and
# waits until they are gone: a new server refuses to start while an old backend still holds shared memory.
stop_postmaster() {
    local dir="$1" pid children=()
    [ -f "$dir/postmaster.pid" ] || return 0
    pid="$(head -1 "$dir/postmaster.pid" 2> /dev/null)"
    { [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; } || return 0
    mapfile -t children < <(pgrep -P "$pid" || true)
    kill -9 "$pid" "${children[@]}" 2> /dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" "${children[@]}" 2> /dev/null || return 0
        sleep 0.1
    done
}

# start_service NAME [service arguments...]: starts the jar in the background on a free port and waits (at most
# 120 s) until /health answers 200. Sets SERVICE_PORT[NAME], SERVICE_PID[NAME] and, on embedded PostgreSQL, PGPORT
# and PGPASSWORD (its superuser's, which the service keeps in {data-dir}/postgres/postgres.password).
# The data directory is $WORK/NAME unless --yarda.data-dir is given. Every user of a scenario registers from
# 127.0.0.1, so the per-address registration limit is lifted (the limit itself has its own tests).
start_service() {
    local name="$1" port; shift
    STARTS=$((${STARTS:-0} + 1))
    local logfile="$WORK/$name.$STARTS.log"
    local data="$WORK/$name"
    "$JAVA_HOME/bin/java" "${SERVICE_JAVA_OPTS[@]}" -jar "$JAR" --server.port=0 --yarda.data-dir="$data" \
        --logging.level.com.yarda=info --yarda.admin.emails="$OPERATOR_EMAIL" \
        --yarda.account.registrations-per-address=1000000 --yarda.metrics.token="$METRICS_TOKEN" "$@" \
        >> "$logfile" 2>&1 &
    local pid=$!
    track "$pid"
    SERVICE_PID[$name]="$pid"
    for _ in $(seq 1 1200); do
        kill -0 "$pid" 2> /dev/null || { tail -30 "$logfile" >&2; die "service $name exited during start-up"; }
        port="$(grep -o 'Tomcat started on port [0-9]*' "$logfile" | tail -1 | grep -o '[0-9]*$' || true)"
        if [ -n "$port" ] && curl -sf -m 5 "http://127.0.0.1:$port/health" > /dev/null; then
            # shellcheck disable=SC2034 # read by the scenario that sourced this file
            SERVICE_PORT[$name]="$port"
            local pg pgdata
            pg="$(grep -o 'Embedded PostgreSQL running on 127.0.0.1:[0-9]*' "$logfile" | tail -1 | cut -d: -f2 || true)"
            pgdata="$(sed -n 's/.*Embedded PostgreSQL running on 127.0.0.1:[0-9]* with data in \(.*\) (started in .*/\1/p' \
                "$logfile" | tail -1)"
            if [ -n "$pg" ] && [ -n "$pgdata" ]; then
                PGPORT="$pg"
                PGPASSWORD="$(cat "$pgdata/postgres.password")" || die "no password file in $pgdata"
                export PGPASSWORD
            fi
            log "service $name healthy on port $port (pid $pid)"
            return 0
        fi
        sleep 0.1
    done
    die "service $name not healthy within 120 s"
}

# stop_service NAME: graceful stop (SIGTERM), bounded to 60 s, then SIGKILL.
stop_service() {
    local pid="${SERVICE_PID[$1]}"
    kill "$pid" 2> /dev/null || return 0
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2> /dev/null || { wait "$pid" 2> /dev/null || true; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
}

PGHOST=127.0.0.1
PGUSER=postgres
PGDATABASE=postgres
export PGHOST PGUSER PGDATABASE PGCONNECT_TIMEOUT=5

sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$PGDATABASE" -c "$1"; }

# A port nobody listens on, below the kernel's range of ephemeral ports (where an outgoing connection may hold it).
free_port() {
    local port low
    low="$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || echo 32768)"
    [ "$low" -gt 21000 ] || low=60000
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % (low - 20000)))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port found"
}

# start_faulty_gemini [options of FaultyGemini.java]: the fault-injecting Gemini stand-in on a free port; sets
# GEMINI_PORT and GEMINI_ARGS (the service arguments that point the gemini designer at it).
start_faulty_gemini() {
    local pid
    for _ in 1 2 3 4 5; do # another process may take the port between the check and the bind
        GEMINI_PORT="$(free_port)"
        "$JAVA_HOME/bin/java" -Xmx128m "$ROOT/reliability/FaultyGemini.java" "$GEMINI_PORT" "$@" > "$WORK/gemini.log" 2>&1 &
        pid=$!
        track "$pid"
        for _ in $(seq 1 600); do
            if curl -sf -m 2 "http://127.0.0.1:$GEMINI_PORT/stats" > /dev/null; then
                # shellcheck disable=SC2034 # read by the scenario that sourced this file
                GEMINI_ARGS=(--yarda.designer.provider=gemini --yarda.designer.gemini.base-url="http://127.0.0.1:$GEMINI_PORT"
                    --yarda.designer.gemini.api-key=test)
                return 0
            fi
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.1
        done
        log "FaultyGemini did not start on port $GEMINI_PORT: $(tail -1 "$WORK/gemini.log")"
        kill -9 "$pid" 2> /dev/null || true
    done
    die "FaultyGemini did not start: $(cat "$WORK/gemini.log")"
}

gemini_stats() { curl -sf -m 5 "http://127.0.0.1:$GEMINI_PORT/stats"; }

# A throw-away PostgreSQL server of the Debian packages (installed when missing), run as the postgres user in
# $WORK/pg-NAME on a free port. Sets EXT_PGPORT and EXT_PGBIN.
start_external_postgres() {
    local name="$1"
    EXT_PGBIN="$(newest_postgres_bin)"
    if [ ! -x "$EXT_PGBIN/pg_ctl" ]; then
        install_packages postgresql
        EXT_PGBIN="$(newest_postgres_bin)"
    fi
    [ -x "$EXT_PGBIN/pg_ctl" ] || die "no PostgreSQL server binaries"
    EXT_PGDATA="$WORK/pg-$name"
    mkdir -p "$EXT_PGDATA"
    PG_DIRS+=("$EXT_PGDATA")
    if [ "$(id -u)" -eq 0 ]; then
        id postgres > /dev/null 2>&1 || die "no postgres user to run PostgreSQL as"
        chown postgres "$WORK" "$EXT_PGDATA"
        chmod 755 "$WORK"
        AS_PG=(runuser -u postgres --)
    else
        AS_PG=()
    fi
    "${AS_PG[@]}" "$EXT_PGBIN/initdb" -D "$EXT_PGDATA" -U postgres -A trust --no-sync > "$WORK/pg-$name-initdb.log" 2>&1 \
        || die "initdb failed: $(tail -3 "$WORK/pg-$name-initdb.log")"
    for _ in 1 2 3 4 5; do # another process may take the port between the check and the bind
        EXT_PGPORT="$(free_port)"
        pg_ctl_start && return 0
        log "PostgreSQL did not start on port $EXT_PGPORT: $(tail -1 "$EXT_PGDATA/server.log")"
    done
    die "PostgreSQL did not start: $(tail -5 "$EXT_PGDATA/server.log")"
}

# The bin directory of the newest Debian PostgreSQL installed (a path without pg_ctl when there is none).
newest_postgres_bin() {
    printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1
}

pg_ctl_start() {
    "${AS_PG[@]}" "$EXT_PGBIN/pg_ctl" -D "$EXT_PGDATA" -l "$EXT_PGDATA/server.log" -w -t 60 \
        -o "-p $EXT_PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" \
        start > /dev/null
}

# starts the external server again, on the port it had
pg_external_start() {
    pg_ctl_start || die "PostgreSQL did not start: $(tail -5 "$EXT_PGDATA/server.log")"
}

pg_external_stop() {
    "${AS_PG[@]}" "$EXT_PGBIN/pg_ctl" -D "$EXT_PGDATA" -m fast -w -t 60 stop > /dev/null
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

# json_number NAME: the number NAME of a JSON object on stdin
json_number() { sed -n "s/.*\"$1\":\\(-\\{0,1\\}[0-9][0-9]*\\).*/\\1/p"; }

# What scenarios send to read /actuator/prometheus (yarda.metrics.token of every service start_service starts).
METRICS_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

# The scripts' operator. Every service start_service starts makes this address an admin (yarda.admin.emails), so
# that scripts give credits the way an operator does, through POST /api/admin/users/{id}/adjustments: the service
# writes the balance, its ledger entry and the audit record together, and no script repeats the ledger's rules.
OPERATOR_EMAIL=operator@scripts.yarda.test
declare -A OPERATOR_TOKEN=()

# operator_login PORT: registers the operator (once per database), verifies its email and logs in; sets
# OPERATOR_TOKEN[PORT].
operator_login() {
    local port="$1" body status
    body="{\"email\":\"$OPERATOR_EMAIL\",\"password\":\"operator password\"}"
    status="$(curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/auth/register" \
        -H 'Content-Type: application/json' -d "$body")"
    [ "$status" = 201 ] || [ "$status" = 409 ] || die "could not register the operator $OPERATOR_EMAIL: $status"
    # admin rights need a verified email; the verification link is only in the service's log
    sql "UPDATE users SET email_verified_at = now() WHERE email = '$OPERATOR_EMAIL' AND email_verified_at IS NULL" \
        > /dev/null
    OPERATOR_TOKEN[$port]="$(curl -sf -m 30 "http://127.0.0.1:$port/api/auth/login" -H 'Content-Type: application/json' \
        -d "$body" | json_field access_token)" || die "the operator $OPERATOR_EMAIL could not log in"
}

# adjust_credits PORT USER_ID CREDIT_TYPE AMOUNT REASON: the operator grants (AMOUNT > 0) or deducts credits of
# CREDIT_TYPE (trial or token), with the reason the audit log keeps.
adjust_credits() {
    local port="$1" user="$2" type="$3" amount="$4" reason="$5" status
    [ -n "${OPERATOR_TOKEN[$port]:-}" ] || operator_login "$port"
    status="$(curl -s -m 30 -o "$WORK/adjustment.json" -w '%{http_code}' \
        "http://127.0.0.1:$port/api/admin/users/$user/adjustments" -H "Authorization: Bearer ${OPERATOR_TOKEN[$port]}" \
        -H 'Content-Type: application/json' \
        -d "{\"credit_type\":\"$type\",\"amount\":$amount,\"reason\":\"$reason\"}")"
    [ "$status" = 201 ] || die "adjusting the $type credits of user $user by $amount answered $status: $(cat "$WORK/adjustment.json")"
}

# make_users PORT COUNT PREFIX [TOKENS_EACH]: registers COUNT users through the API and logs them in; sets TOKENS
# (their access tokens), USER_IDS and TRIAL_CREDITS (what each new user starts with). Their emails are verified in
# SQL (the verification link is only in the service's log), and the operator grants each TOKENS_EACH tokens (default
# 10,000).
make_users() {
    local port="$1" count="$2" prefix="$3" grant="${4:-10000}" i email body answer id
    TOKENS=()
    USER_IDS=()
    for i in $(seq 1 "$count"); do
        email="$prefix$i@example.com"
        body="{\"email\":\"$email\",\"password\":\"reliability password\"}"
        answer="$(curl -sf -m 30 "http://127.0.0.1:$port/api/auth/register" -H 'Content-Type: application/json' \
            -d "$body")" || die "could not register $email"
        USER_IDS+=("$(json_field id <<< "$answer")")
        # shellcheck disable=SC2034 # read by the scenario that sourced this file
        TRIAL_CREDITS="$(json_number trial_credits <<< "$answer")"
        TOKENS+=("$(curl -sf -m 30 "http://127.0.0.1:$port/api/auth/login" -H 'Content-Type: application/json' \
            -d "$body" | json_field access_token)")
    done
    sql "UPDATE users SET email_verified_at = now() WHERE id = ANY('{$(IFS=,; echo "${USER_IDS[*]}")}'::uuid[])" > /dev/null
    for id in "${USER_IDS[@]}"; do
        adjust_credits "$port" "$id" token "$grant" "$SCENARIO: tokens to spend"
    done
}

# accept PORT TOKEN TAG: one address generation; prints the HTTP status.
accept() {
    curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/api/generations" \
        -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
        -d "{\"input_type\":\"address\",\"input_address\":\"$3 Reliability Road, Springfield\",\"style\":\"japanese_zen\"}"
}

# submit "PORT..." COUNT TAG [LANES]: COUNT address generations over LANES parallel clients (default 8), users
# and ports taken in turn; sets ACCEPTED to the number answered 202. $WORK/submit-TAG.txt holds one line per
# request, "STATUS TAG-I" (000 when the connection was lost); TAG-I begins the request's input address.
submit() {
    local ports count="$2" tag="$3" lanes="${4:-8}" lane pids=()
    read -r -a ports <<< "$1"
    : > "$WORK/submit-$tag.txt"
    for lane in $(seq 0 $((lanes - 1))); do
        (
            local i
            for ((i = lane; i < count; i += lanes)); do
                # one write per line: the lanes share the file
                printf '%s %s\n' "$(accept "${ports[i % ${#ports[@]}]}" "${TOKENS[i % ${#TOKENS[@]}]}" "$tag-$i")" "$tag-$i"
            done >> "$WORK/submit-$tag.txt"
        ) &
        pids+=($!)
        track $!
    done
    for lane in "${pids[@]}"; do wait "$lane" || true; done
    # shellcheck disable=SC2034 # read by the scenario that sourced this file
    ACCEPTED="$(grep -c '^202 ' "$WORK/submit-$tag.txt" || true)"
}

# wait_until_settled SECONDS: until no generation is pending or processing; false on timeout.
wait_until_settled() {
    for _ in $(seq 1 $(($1 * 5))); do
        [ "$(sql "SELECT count(*) FROM generations WHERE status IN ('pending', 'processing')")" = 0 ] && return 0
        sleep 0.2
    done
    return 1
}

# The money invariants, as one line of counts; every count must be 0.
#   ledger: users whose ledger sums differ from a balance; unsettled: generations not completed/failed;
#   no_consume / multi_consume: generations without exactly one charge; orphan_consume: charges without a
#   generation; refund_mismatch: failed without exactly one refund, or completed with any.
invariants() {
    sql "SELECT 'ledger=' || (SELECT count(*) FROM credit_accounts a WHERE
                 a.trial_credits <> (SELECT COALESCE(sum(amount), 0) FROM credit_ledger l WHERE l.user_id = a.user_id AND l.credit_type = 'trial')
              OR a.token_balance <> (SELECT COALESCE(sum(amount), 0) FROM credit_ledger l WHERE l.user_id = a.user_id AND l.credit_type = 'token'))
         || ' unsettled=' || (SELECT count(*) FROM generations WHERE status NOT IN ('completed', 'failed'))
         || ' no_consume=' || (SELECT count(*) FROM generations g WHERE NOT EXISTS
                 (SELECT 1 FROM credit_ledger l WHERE l.generation_id = g.id AND l.kind = 'consume'))
         || ' multi_consume=' || (SELECT count(*) FROM (SELECT generation_id FROM credit_ledger WHERE kind = 'consume'
                 GROUP BY generation_id HAVING count(*) > 1) m)
         || ' orphan_consume=' || (SELECT count(*) FROM credit_ledger l WHERE l.kind = 'consume' AND NOT EXISTS
                 (SELECT 1 FROM generations g WHERE g.id = l.generation_id))
         || ' refund_mismatch=' || (SELECT count(*) FROM generations g WHERE
                 (SELECT count(*) FROM credit_ledger l WHERE l.generation_id = g.id AND l.kind = 'refund')
                 <> CASE WHEN g.status = 'failed' THEN 1 ELSE 0 END
              OR g.credit_refunded <> (g.status = 'failed'))"
}

all_zero() { ! grep -qE '=[1-9]'; }

# start_site_stand_in: a local WireMock (standalone, from Maven Central like every other dependency) speaking the
# Census geocoder's and NAIP's wire formats and answering at once, for the benchmarks that resolve sites; sets
# STUB_PORT.
start_site_stand_in() {
    (cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
        -DoutputDirectory="$WORK" -Dmdep.stripVersion=true) || die "could not fetch wiremock-standalone"
    mkdir -p "$WORK/stubs/mappings" "$WORK/stubs/__files"
    # any picture with something in it will do as aerial imagery
    cp "$ROOT/docs/screenshots/01-landing.png" "$WORK/stubs/__files/aerial.png"
    cat > "$WORK/stubs/mappings/census.json" << 'EOF'
    {"request": {"method": "GET", "urlPath": "/geocoder/locations/onelineaddress"},
     "response": {"status": 200, "headers": {"Content-Type": "application/json"},
       "jsonBody": {"result": {"addressMatches": [{"matchedAddress": "250 MARQUETTE AVE, MINNEAPOLIS, MN, 55401",
         "coordinates": {"x": -93.2690, "y": 44.9795}, "addressComponents": {"zip": "55401"}}]}}}}
EOF
    cat > "$WORK/stubs/mappings/naip.json" << 'EOF'
    {"request": {"method": "GET", "urlPath": "/naip/exportImage"},
     "response": {"status": 200, "headers": {"Content-Type": "image/png"}, "bodyFileName": "aerial.png"}}
EOF
    STUB_PORT="$(free_port)"
    "$JAVA_HOME/bin/java" -jar "$WORK/wiremock-standalone.jar" --port "$STUB_PORT" --bind-address 127.0.0.1 \
        --root-dir "$WORK/stubs" --disable-banner > "$WORK/wiremock.log" 2>&1 &
    track $!
    for _ in $(seq 1 300); do
        curl -sf -m 2 -o /dev/null "http://127.0.0.1:$STUB_PORT/__admin/mappings" && break
        sleep 0.2
    done
    curl -sf -m 2 -o /dev/null "http://127.0.0.1:$STUB_PORT/__admin/mappings" || die "the stand-in did not start"
}

# The JVM flags of README's "Running in production" and of the Dockerfile (JAVA_TOOL_OPTIONS): a bounded heap and
# the JVM's other memory bounded too, so that the service and its embedded PostgreSQL fit in 512 MiB.
# shellcheck disable=SC2034 # read by the scripts that source this file
PRODUCTION_JAVA_OPTS=(-Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=192m)

# aot_train DIR [JVM flags...]: the jar extracted into DIR (Spring Boot's tools jarmode) and the JDK's AOT cache
# DIR/yarda.aot written by a training run with those flags, which stops once the application context is refreshed
# (spring.context.exit=onRefresh), on a throw-away data directory; as README's "Running in production" does. The
# training run halts the JVM without its shutdown hooks, so its embedded PostgreSQL is stopped here. Sets JAR to
# the extracted jar (start_service runs it; give -XX:AOTCache=DIR/yarda.aot to use the cache).
aot_train() {
    local dir="$1" data
    shift
    rm -rf "$dir"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$dir" > /dev/null \
        || die "could not extract $JAR"
    data="$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/aot-training.XXXXXX")"
    log "AOT training run"
    # the cache records the jar's path as given: start_service gives the same absolute path
    "$JAVA_HOME/bin/java" "$@" -XX:AOTCacheOutput="$dir/yarda.aot" -Dspring.context.exit=onRefresh \
        -jar "$dir/$(basename "$JAR")" --server.port=0 --yarda.data-dir="$data" > "$dir/training.log" 2>&1 \
        || { tail -30 "$dir/training.log" >&2; stop_postmaster "$data/postgres"; die "the AOT training run failed"; }
    stop_postmaster "$data/postgres"
    rm -rf "$data"
    [ -s "$dir/yarda.aot" ] || die "the training run wrote no AOT cache"
    JAR="$dir/$(basename "$JAR")"
}

# Resident memory: of one process (VmRSS, kB), and the proportional set size of the embedded PostgreSQL of data
# directory $1, its postmaster and children (shared buffers counted once)
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2> /dev/null || echo 0; }
pg_pss_kb() {
    local postmaster pid total=0 pss
    postmaster="$(head -1 "$1/postmaster.pid" 2> /dev/null || true)"
    [ -n "$postmaster" ] || { echo 0; return; }
    for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
        pss="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2> /dev/null || echo 0)"
        total=$((total + ${pss:-0}))
    done
    echo "$total"
}

# run-all.sh runs every scenario's services as README's "Running in production" does, with the production JVM flags
# and the extracted jar with its AOT cache, trained once for all of them (aot_train); RELIABILITY_PRODUCTION names
# the directory aot_train wrote. A scenario run on its own runs the packaged jar with the default flags above.
if [ -n "${RELIABILITY_PRODUCTION:-}" ]; then
    JAR="$RELIABILITY_PRODUCTION/$(basename "$JAR")"
    SERVICE_JAVA_OPTS=("${PRODUCTION_JAVA_OPTS[@]}" -XX:AOTCache="$RELIABILITY_PRODUCTION/yarda.aot")
fi
