package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodeCapacityTest {

    private static final Duration SHORT_WAIT = Duration.ofMillis(100);
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<DecodeCapacity> capacities = new ArrayList<>();

    @AfterEach
    void letEverythingGo() {
        release.countDown();
        callers.close();
        capacities.forEach(DecodeCapacity::close);
    }

    @Test
    void aDecodeIsRefusedOnceTheWaitIsOverWhenEverySlotIsBusy() throws Exception {
        DecodeCapacity capacity = capacity(2, 1000, SHORT_WAIT);
        Future<String> first = holdOne(capacity, 1);
        Future<String> second = holdOne(capacity, 1);

        // refused, not queued until a slot frees (which here would be never)
        Future<String> third = callers.submit(() -> capacity.run(1, () -> "third"));
        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(DecodingBusy.class, busy -> {
                    assertThat(busy.status().value()).isEqualTo(503);
                    assertThat(busy.code()).isEqualTo("unavailable");
                    assertThat(busy.retryAfterSeconds()).isEqualTo(1);
                });

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(capacity.run(1, () -> "third")).isEqualTo("third");
    }

    @Test
    void aDecodeWaitsForASlotThatFreesWithinTheWait() throws Exception {
        DecodeCapacity capacity = capacity(1, 1000, LONG_WAIT);
        Future<String> held = holdOne(capacity, 1);

        Future<String> waiting = callers.submit(() -> capacity.run(1, () -> "next"));
        release.countDown();

        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("next");
    }

    @Test
    void aDecodeThatDoesNotFitInWhatIsLeftOfTheMemoryBudgetIsRefused() throws Exception {
        DecodeCapacity capacity = capacity(4, 100, SHORT_WAIT);
        holdOne(capacity, 80);

        assertThatThrownBy(() -> capacity.run(30, () -> "too much")).isInstanceOf(DecodingBusy.class);
        assertThat(capacity.run(20, () -> "fits")).isEqualTo("fits");
    }

    @Test
    void aDecodeLargerThanTheWholeBudgetRunsAloneRatherThanNever() throws Exception {
        DecodeCapacity capacity = capacity(4, 100, SHORT_WAIT);
        assertThat(capacity.run(500, () -> "alone")).isEqualTo("alone");

        holdOne(capacity, 500);

        assertThatThrownBy(() -> capacity.run(1, () -> "beside it")).isInstanceOf(DecodingBusy.class);
    }

    @Test
    void aFailedDecodeThrowsItsOwnProblemAndGivesItsSlotAndMemoryBack() {
        DecodeCapacity capacity = capacity(1, 100, Duration.ZERO);

        assertThatThrownBy(() -> capacity.run(100, () -> {
                    throw new UnsupportedImage();
                }))
                .isInstanceOf(UnsupportedImage.class);

        assertThat(capacity.run(100, () -> "after")).isEqualTo("after");
    }

    @Test
    void decodesOnEveryCoreLeaveVirtualThreadsFreeToRun() throws Exception {
        // Requests run on virtual threads, which share one carrier thread per core and are never preempted: a decode
        // on a request's own thread would stop every other request, health checks included, until it ends.
        int cores = Runtime.getRuntime().availableProcessors();
        DecodeCapacity capacity = capacity(cores, 1000, LONG_WAIT);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch spinning = new CountDownLatch(cores);
        List<Future<Long>> decodes = new ArrayList<>();
        try {
            for (int i = 0; i < cores; i++) {
                decodes.add(callers.submit(() -> capacity.run(1, () -> {
                    spinning.countDown();
                    long spins = 0;
                    while (!stop.get()) {
                        spins++;
                    }
                    return spins;
                })));
            }
            assertThat(spinning.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<String> health = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> health.complete("answered"));

            assertThat(health.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        } finally {
            stop.set(true);
        }
        for (Future<Long> decode : decodes) {
            assertThat(decode.get(30, TimeUnit.SECONDS)).isPositive();
        }
    }

    private DecodeCapacity capacity(int slots, long memoryBytes, Duration wait) {
        DecodeCapacity capacity = new DecodeCapacity(slots, memoryBytes, wait, Executors.newFixedThreadPool(slots));
        capacities.add(capacity);
        return capacity;
    }

    /** A decode of {@code bytes} that holds its slot until the test releases it; returns once it has started. */
    private Future<String> holdOne(DecodeCapacity capacity, long bytes) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Future<String> held = callers.submit(() -> capacity.run(bytes, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "held";
        }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        return held;
    }
}
