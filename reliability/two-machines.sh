#!/usr/bin/env bash
# Scenario (e): two machines. Two instances with separate data directories share one external PostgreSQL and one
# S3-compatible bucket (S3Proxy on a filesystem, from Maven Central), as instances on two machines would; nothing of
# one instance's data directory is visible to the other.
#   1. A photo design accepted on A is served from B: its image, its before (the photo) and its share page with the
#      share link's image, byte for byte what A serves; neither data directory holds an image.
#   2. Both instances accept a batch of address designs (a Gemini stand-in taking 1 s per call), each user with a
#      webhook to a local receiver; B is killed with SIGKILL while designs are running. A takes up B's designs after
#      the lease, every generation ends, the ledger adds up, and every generation end reaches the receiver (one
#      delivery per generation, each delivered; a delivery B had claimed is sent again by A with the same id).
# Usage: reliability/two-machines.sh [--short]
set -euo pipefail
SCENARIO="(e) two machines, one database and one bucket"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
BATCH=80
[ "${1:-}" = "--short" ] && BATCH=40
prepare

# start_s3proxy: S3Proxy serving the bucket "yarda" from $WORK/s3 on a free port of 127.0.0.1; sets S3_PORT.
start_s3proxy() {
    (cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies \
        -DoutputDirectory="$WORK" -Dmdep.stripVersion=true) || die "could not fetch s3proxy"
    mkdir -p "$WORK/s3/yarda"
    S3_PORT="$(free_port)"
    cat > "$WORK/s3proxy.conf" << EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=two-machines
s3proxy.credential=two-machines-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
EOF
    "$JAVA_HOME/bin/java" -jar "$WORK/s3proxy-jar-with-dependencies.jar" --properties "$WORK/s3proxy.conf" \
        > "$WORK/s3proxy.log" 2>&1 &
    track $!
    for _ in $(seq 1 300); do
        # any HTTP answer (403 to an unsigned request) means it listens
        [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$S3_PORT/" || true)" != 000 ] && return 0
        sleep 0.2
    done
    die "S3Proxy did not start: $(tail -5 "$WORK/s3proxy.log")"
}

# start_receiver: a local WireMock answering 204 to every webhook POST /hook; sets RECEIVER_PORT.
start_receiver() {
    (cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
        -DoutputDirectory="$WORK" -Dmdep.stripVersion=true) || die "could not fetch wiremock-standalone"
    mkdir -p "$WORK/receiver/mappings"
    echo '{"request": {"method": "POST", "url": "/hook"}, "response": {"status": 204}}' \
        > "$WORK/receiver/mappings/hook.json"
    RECEIVER_PORT="$(free_port)"
    "$JAVA_HOME/bin/java" -jar "$WORK/wiremock-standalone.jar" --port "$RECEIVER_PORT" --bind-address 127.0.0.1 \
        --root-dir "$WORK/receiver" --disable-banner > "$WORK/receiver.log" 2>&1 &
    track $!
    for _ in $(seq 1 300); do
        curl -sf -m 2 -o /dev/null "http://127.0.0.1:$RECEIVER_PORT/__admin/mappings" && return 0
        sleep 0.2
    done
    die "the webhook receiver did not start"
}

# fetch PORT TOKEN PATH FILE: GET with a bearer token (none when TOKEN is -) into FILE; prints the HTTP status.
fetch() {
    local auth=()
    [ "$2" = - ] || auth=(-H "Authorization: Bearer $2")
    curl -s -m 30 -o "$4" -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$1$3"
}

# the image files in the instances' data directories (which need not exist: nothing of theirs has to be kept)
images_in_data_dirs() {
    { find "$WORK/a" "$WORK/b" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.webp' \) 2> /dev/null || true; } \
        | wc -l
}

start_external_postgres e
PGPORT="$EXT_PGPORT"
start_s3proxy
start_receiver
# a design is two calls of 1 s each: long enough that B is killed with designs of its own in flight
start_faulty_gemini --fault-rate 0 --latency-ms 1000
JWT_SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
ARGS=("${GEMINI_ARGS[@]}" --yarda.security.jwt-secret="$JWT_SECRET"
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$EXT_PGPORT/postgres" --spring.datasource.username=postgres
    --yarda.storage.type=s3 --yarda.storage.s3.bucket=yarda --yarda.storage.s3.endpoint="http://127.0.0.1:$S3_PORT"
    --yarda.storage.s3.region=us-east-1 --yarda.storage.s3.path-style-access=true
    --yarda.storage.s3.access-key=two-machines --yarda.storage.s3.secret-key=two-machines-secret
    --yarda.webhooks.allow-private-urls=true --yarda.webhooks.lease=20s --yarda.webhooks.poll-interval=500ms
    --yarda.worker.concurrency=4 --yarda.worker.lease=10s --yarda.worker.poll-interval=200ms
    --yarda.rate-limit.max-requests=100000)

start_service a "${ARGS[@]}"
start_service b "${ARGS[@]}"
A="${SERVICE_PORT[a]}"
B="${SERVICE_PORT[b]}"
make_users "$A" 6 machines
for token in "${TOKENS[@]}"; do
    status="$(curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$B/api/webhooks" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\"}")"
    [ "$status" = 201 ] || die "adding a webhook answered $status"
done

# 1. a photo design made on A, served from B; the photo is made by the tests' own generator (target/test-classes)
photo="$WORK/photo.jpg"
[ -d "$ROOT/target/test-classes/com/yarda/test" ] \
    || (cd "$ROOT" && ./mvnw -q -B test-compile -Dspotless.check.skip) || die "could not compile the tests"
"$JAVA_HOME/bin/java" --class-path "$ROOT/target/test-classes" "$(dirname "$0")/YardPhoto.java" "$photo" \
    || die "could not make a photo"
answer="$(curl -s -m 60 -D "$WORK/photo-headers.txt" "http://127.0.0.1:$A/api/generations" \
    -H "Authorization: Bearer ${TOKENS[0]}" -F input_type=photo -F style=japanese_zen -F "photo=@$photo;type=image/jpeg")"
photo_id="$(sed -n 's|^[Ll]ocation: .*/api/generations/\([0-9a-f-]*\).*|\1|p' "$WORK/photo-headers.txt")"
[ -n "$photo_id" ] || die "the photo design was not accepted: $answer"
wait_until_settled 120 || die "the photo design did not end"
[ "$(sql "SELECT status FROM generations WHERE id = '$photo_id'")" = completed ] || die "the photo design failed"
served=0
for path in image before; do
    [ "$(fetch "$A" "${TOKENS[0]}" "/api/generations/$photo_id/$path" "$WORK/a-$path")" = 200 ] || die "A: $path"
    [ "$(fetch "$B" "${TOKENS[0]}" "/api/generations/$photo_id/$path" "$WORK/b-$path")" = 200 ] || die "B: $path"
    cmp -s "$WORK/a-$path" "$WORK/b-$path" && served=$((served + 1))
done
share="$(curl -s -m 30 -X POST "http://127.0.0.1:$A/api/generations/$photo_id/share" -H "Authorization: Bearer ${TOKENS[0]}")"
share_token="$(json_field token <<< "$share")"
[ -n "$share_token" ] || die "sharing answered: $share"
[ "$(fetch "$B" - "/s/$share_token" "$WORK/b-share.html")" = 200 ] && served=$((served + 1))
[ "$(fetch "$B" - "/s/$share_token/image" "$WORK/b-share-image")" = 200 ] \
    && cmp -s "$WORK/a-image" "$WORK/b-share-image" && served=$((served + 1))
objects="$(find "$WORK/s3/yarda" -type f | wc -l)"
local_images="$(images_in_data_dirs)"
log "photo design $photo_id: $served of 4 served alike from B; $objects objects in the bucket, $local_images images in the data directories"

# 2. a batch through both instances, B killed while designing
submit "$A $B" "$BATCH" batch &
submitter=$!
track "$submitter"
for _ in $(seq 1 300); do
    [ "$(sql "SELECT count(*) FROM generations WHERE status = 'processing' AND locked_by LIKE '${SERVICE_PID[b]}@%'")" -gt 0 ] \
        && break
    sleep 0.1
done
in_flight="$(sql "SELECT count(*) FROM generations WHERE status = 'processing' AND locked_by LIKE '${SERVICE_PID[b]}@%'")"
kill -9 "${SERVICE_PID[b]}" 2> /dev/null || true
log "B killed with $in_flight designs of its own in flight"
wait "$submitter" || true
accepted="$(grep -c '^202 ' "$WORK/submit-batch.txt" || true)"
answered_other="$(grep -vc '^202 ' "$WORK/submit-batch.txt" || true)"
settled=true
wait_until_settled 180 || settled=false

# every end of a generation has its delivery, delivered (B's claimed ones after their lease)
deliveries_settled=false
for _ in $(seq 1 600); do
    [ "$(sql "SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered'")" = 0 ] && { deliveries_settled=true; break; }
    sleep 0.2
done
ended="$(sql "SELECT count(*) FROM generations WHERE status IN ('completed', 'failed')")"
# Which requests made a generation. Every 202 did; a request whose connection B's death cut (000) may have
# been accepted just before it, its answer lost (why an integrator sends an Idempotency-Key and retries).
# Any other answer made none.
sql "SELECT split_part(input_address, ' ', 1) FROM generations WHERE input_address LIKE 'batch-%'" \
    | sort > "$WORK/batch-made.txt"
awk '$1 == 202 { print $2 }' "$WORK/submit-batch.txt" | sort > "$WORK/batch-202.txt"
awk '$1 == "000" { print $2 }' "$WORK/submit-batch.txt" | sort > "$WORK/batch-lost.txt"
accepted_missing="$(comm -23 "$WORK/batch-202.txt" "$WORK/batch-made.txt" | wc -l)"
comm -13 "$WORK/batch-202.txt" "$WORK/batch-made.txt" > "$WORK/batch-unanswered.txt"
made_unanswered="$(wc -l < "$WORK/batch-unanswered.txt")"
made_refused="$(comm -23 "$WORK/batch-unanswered.txt" "$WORK/batch-lost.txt" | wc -l)"
deliveries="$(sql "SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'")"
generations_without="$(sql "SELECT count(*) FROM generations g WHERE NOT EXISTS
                              (SELECT 1 FROM webhook_deliveries d WHERE d.generation_id = g.id)")"
curl -sf -m 30 "http://127.0.0.1:$RECEIVER_PORT/__admin/requests" > "$WORK/received.json" || die "no request journal"
received_ids="$(grep -o '"webhook-id" *: *"msg_[0-9a-f]*"' "$WORK/received.json" | sort -u | wc -l)"
objects_after="$(find "$WORK/s3/yarda" -type f | wc -l)"
local_after="$(images_in_data_dirs)"
checks="$(invariants)"
stop_service a

summary="served from B $served of 4; bucket $objects_after objects, data directories $local_after images; accepted $accepted of $BATCH (other answers $answered_other, B killed with $in_flight in flight); accepted without a generation $accepted_missing, made with the answer lost to B's death $made_unanswered, made though refused $made_refused; ended $ended of $((accepted + made_unanswered + 1)); webhook deliveries delivered $deliveries, generations without one $generations_without, distinct ids received $received_ids; $checks"
if [ "$served" -eq 4 ] && [ "$in_flight" -gt 0 ] && [ "$local_images" -eq 0 ] && [ "$local_after" -eq 0 ] && [ "$objects" -ge 2 ] \
    && $settled && [ "$accepted_missing" -eq 0 ] && [ "$made_refused" -eq 0 ] \
    && [ "$ended" -eq $((accepted + made_unanswered + 1)) ] && [ "$accepted" -ge $((BATCH / 2)) ] \
    && $deliveries_settled && [ "$deliveries" -eq "$ended" ] && [ "$generations_without" -eq 0 ] \
    && [ "$received_ids" -eq "$ended" ] && echo "$checks" | all_zero; then
    pass "$summary"
else
    fail "$summary"
fi
exit $((FAILURES > 0))
