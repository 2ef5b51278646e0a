package com.yarda.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Through the API, while every decode is busy (held by the test before it starts, as a long decode of a large image
 * would be): an upload is refused at once with 503 and leaves nothing behind, the web form says so beside the photo,
 * and the uploads being decoded hold no database connection: with as many connections in the pool as decodes under
 * way, health checks and other requests still get theirs.
 */
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.maximum-pool-size=" + BusyDecodingTests.DECODES,
            "yarda.worker.enabled=false"
        })
class BusyDecodingTests extends IntegrationTest {

    static final int DECODES = 2;
    private static final Duration WAIT = Duration.ofMillis(200);
    private static final HeldDecodes HELD = new HeldDecodes(DECODES);

    @TestBean(methodName = "heldDecodes")
    private DecodeCapacity decodes;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    static DecodeCapacity heldDecodes() {
        return new DecodeCapacity(DECODES, 1L << 30, WAIT, HELD);
    }

    @AfterEach
    void letTheDecodesGo() {
        HELD.release();
        clients.close();
    }

    @Test
    void anUploadWhileEveryDecodeIsBusyIsRefusedAt503AndLeavesNothingBehind() throws Exception {
        List<Future<Response>> decoding = busyDecodes();
        TestUser user = verifiedUser();
        Set<String> files = imageFiles();

        Response refused = upload(user, photo(640, 480));

        refused.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("error", equalTo("unavailable"))
                .body("retry_after", equalTo(1));
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(uploadCount(user)).isZero();
        assertThat(usageCount(user)).isZero();
        assertThat(imageFiles()).isEqualTo(files);
        // once the decodes under way are done, the same upload goes through
        HELD.release();
        for (Future<Response> upload : decoding) {
            assertThat(upload.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        }
        upload(user, photo(640, 480)).then().statusCode(201);
    }

    @Test
    void aDesignRequestWithAPhotoWhileEveryDecodeIsBusyIsRefusedAt503AndChargesNothing() {
        busyDecodes();
        TestUser user = verifiedUser();

        api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "japanese_zen")
                .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg")
                .post("/api/generations")
                .then()
                .statusCode(503)
                .body("error", equalTo("unavailable"));

        assertThat(generationCount(user)).isZero();
        assertThat(uploadCount(user)).isZero();
        api(user.token()).get("/api/credits/balance").then().statusCode(200).body("total_available", equalTo(3));
    }

    @Test
    void theGenerateFormSaysWhyBesideThePhotoWhileEveryDecodeIsBusy() {
        busyDecodes();
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        Response page = given().cookies(session).get("/generate");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(csrf.find()).isTrue();

        Response answer = given().redirects()
                .follow(false)
                .cookies(session)
                .accept("text/html,*/*")
                .multiPart("_csrf", csrf.group(1))
                .multiPart("requestKey", UUID.randomUUID().toString())
                .multiPart("inputType", "photo")
                .multiPart("photo", "yard.jpg", photo(640, 480), "image/jpeg")
                .multiPart("style", "japanese_zen")
                .post("/generate");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString())
                .contains("id=\"photo-error\"")
                .contains("Too many photos are being processed right now");
        assertThat(generationCount(user)).isZero();
        assertThat(uploadCount(user)).isZero();
    }

    @Test
    void uploadsBeingDecodedHoldNoDatabaseConnection() {
        TestUser user = verifiedUser();
        // as many uploads in their decode as the pool has connections: one held by each would starve the rest
        busyDecodes();

        for (int i = 0; i < 3; i++) {
            given().get("/health").then().statusCode(200).body("database", equalTo("up"));
            api(user.token()).get("/api/auth/me").then().statusCode(200);
            api(user.token()).get("/api/credits/balance").then().statusCode(200);
        }
    }

    private long usageCount(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM upload_usage WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    /** Starts as many uploads as there are decode threads and returns once each is held in its decode. */
    private List<Future<Response>> busyDecodes() {
        HELD.arm();
        TestUser uploader = verifiedUser();
        List<Future<Response>> uploads = new ArrayList<>();
        for (int i = 0; i < DECODES; i++) {
            uploads.add(clients.submit(() -> upload(uploader, photo(640, 480))));
        }
        HELD.awaitHeld(DECODES);
        return uploads;
    }

    /** Decode threads that, while armed, stop every decode before it starts until the test lets them go. */
    static final class HeldDecodes extends ThreadPoolExecutor {

        private final Semaphore held = new Semaphore(0);
        private volatile @Nullable CountDownLatch gate;

        HeldDecodes(int threads) {
            super(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        void arm() {
            held.drainPermits();
            gate = new CountDownLatch(1);
        }

        void awaitHeld(int decodes) {
            try {
                if (!held.tryAcquire(decodes, 30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the uploads never reached their decode");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void release() {
            CountDownLatch open = gate;
            gate = null;
            if (open != null) {
                open.countDown();
            }
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable decode) {
            CountDownLatch closed = gate;
            if (closed == null) {
                return;
            }
            held.release();
            try {
                if (!closed.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the decode go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
