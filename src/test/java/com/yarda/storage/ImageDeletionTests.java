package com.yarda.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.yarda.YardaApplication;
import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import com.yarda.test.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Image files of deleted records go through a durable queue: a deletion answers as usual when a file cannot be
 * removed, and the file is tried again, later and later, until it is gone; on any instance, after a restart too.
 */
class ImageDeletionTests extends IntegrationTest {

    // PostgreSQL keeps microseconds
    private static final TemporalUnitOffset MICROSECOND = within(1, ChronoUnit.MICROS);

    @Autowired
    private ImageDeletions deletions;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private Environment environment;

    @Test
    void aDesignWhoseImageCannotBeRemovedIsDeletedAndItsImageIsRetriedLaterAndLaterUntilGone() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "3 Stubborn Disk Road");
        String key = outputImageKey(id);
        imageStore().failDeletes(key, 2);

        try (MutableClock.Frozen frozen = clock.freeze()) {
            api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

            // the design is gone for its owner; its file is still there, queued, with what went wrong
            api(user.token()).get("/api/generations/" + id).then().statusCode(404);
            assertThat(imageStore().read(key)).isPresent();
            Map<String, Object> queued = queued(key).orElseThrow();
            assertThat(queued).containsEntry("attempts", 1);
            assertThat((String) queued.get("last_error")).contains("Read-only file system");
            assertThat(nextTry(key)).isCloseTo(clock.instant().plus(ImageDeletions.FIRST_RETRY), MICROSECOND);
            assertThat(pendingMetric()).isPositive();

            // not due yet: nothing is tried
            deletions.drain();
            assertThat(queued(key)).get().extracting(row -> row.get("attempts")).isEqualTo(1);

            // due: the second try fails too, and the next waits twice as long
            clock.advance(ImageDeletions.FIRST_RETRY);
            deletions.drain();
            assertThat(queued(key)).get().extracting(row -> row.get("attempts")).isEqualTo(2);
            assertThat(imageStore().read(key)).isPresent();
            Duration secondWait = ImageDeletions.FIRST_RETRY.multipliedBy(2);
            assertThat(nextTry(key)).isCloseTo(clock.instant().plus(secondWait), MICROSECOND);

            clock.advance(secondWait.minusSeconds(1));
            deletions.drain();
            assertThat(queued(key)).get().extracting(row -> row.get("attempts")).isEqualTo(2);

            // the store works again: the file goes, and with it the row
            clock.advance(Duration.ofSeconds(1));
            deletions.drain();
            assertThat(imageStore().read(key)).isEmpty();
            assertThat(queued(key)).isEmpty();
        }
    }

    @Test
    void anImageThatIsAlreadyGoneCountsAsDeleted() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "4 Vanishing Lane");
        String key = outputImageKey(id);
        imageStore().failDeletes(key, 1);
        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);
        assertThat(queued(key)).isPresent();
        // an operator removed it by hand meanwhile
        assertThat(imageStore().delete(key)).isTrue();

        clock.advance(ImageDeletions.FIRST_RETRY);
        deletions.drain();

        assertThat(queued(key)).isEmpty();
    }

    @Test
    void aDeletionThatRollsBackQueuesNothingAndKeepsTheImage() {
        String key = imageStore().store(png(40, 30), "image/png").key();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            deletions.afterCommit(List.of(key));
            assertThat(queued(key)).as("queued in the deleting transaction").isPresent();
            status.setRollbackOnly();
        });

        assertThat(queued(key)).isEmpty();
        assertThat(imageStore().read(key)).isPresent();

        // outside a transaction, a file nothing refers to goes at once, and leaves no row behind
        deletions.afterCommit(List.of(key));
        assertThat(imageStore().read(key)).isEmpty();
        assertThat(queued(key)).isEmpty();
    }

    @Test
    void theQueueOutlivesTheInstanceThatQueuedIt() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "5 Restart Road");
        String key = outputImageKey(id);
        imageStore().failDeletes(key, 1);
        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);
        assertThat(queued(key)).isPresent();
        // the other instance reads the system clock, which this test's clock may be ahead of: the try is due there too
        jdbc.sql("UPDATE image_deletions SET next_attempt_at = now() - interval '1 second' WHERE image_key = :key")
                .param("key", key)
                .update();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(YardaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--yarda.data-dir=" + environment.getRequiredProperty("yarda.data-dir"),
                        "--yarda.public-url=" + PUBLIC_URL,
                        "--yarda.worker.enabled=false",
                        "--yarda.mail.poll-interval=1h",
                        "--yarda.storage.deletion.poll-interval=1h")) {
            restarted.getBean(ImageDeletions.class).drain();
        }

        assertThat(imageStore().read(key)).isEmpty();
        assertThat(queued(key)).isEmpty();
    }

    private String outputImageKey(String generationId) {
        return jdbc.sql("SELECT output_image_key FROM generations WHERE id = :id")
                .param("id", UUID.fromString(generationId))
                .query(String.class)
                .single();
    }

    private Optional<Map<String, Object>> queued(String key) {
        return jdbc
                .sql("SELECT attempts, last_error FROM image_deletions WHERE image_key = :key")
                .param("key", key)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
    }

    private Instant nextTry(String key) {
        return jdbc.sql("SELECT next_attempt_at FROM image_deletions WHERE image_key = :key")
                .param("key", key)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private double pendingMetric() {
        String scraped = given().header("Authorization", "Bearer " + METRICS_TOKEN)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher pending = Pattern.compile("(?m)^yarda_images_deletions_pending\\S* (\\S+)$")
                .matcher(scraped);
        assertThat(pending.find()).as("the pending deletions gauge").isTrue();
        return Double.parseDouble(pending.group(1));
    }
}
