package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WaiterTest {

    /** Longer than any test runs: a wait that returns did so because it was woken. */
    private static final Duration FOREVER = Duration.ofHours(1);

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void aWakeUpThatCameBeforeTheWaitEndsItAtOnce() {
        Waiter waiter = new Waiter(FOREVER);

        waiter.wake();

        assertTimeoutPreemptively(BOUND, waiter::await);
    }

    @Test
    void aWakeUpEndsAWaitInProgress() throws Exception {
        Waiter waiter = new Waiter(FOREVER);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        Thread thread = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            try {
                waiter.await();
                returned.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();

        waiter.wake();

        assertThat(returned.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        thread.join();
    }

    @Test
    void withoutAWakeUpTheWaitEndsAfterThePollInterval() {
        Waiter waiter = new Waiter(Duration.ofMillis(20));

        assertTimeoutPreemptively(BOUND, waiter::await);
    }

    @Test
    void oneWakeUpEndsOneWaitOnly() {
        Waiter waiter = new Waiter(Duration.ofMillis(200));
        waiter.wake();
        assertTimeoutPreemptively(BOUND, waiter::await);

        long started = System.nanoTime();
        assertTimeoutPreemptively(BOUND, waiter::await);

        // the second wait was not ended by the spent wake-up: it lasted its whole poll interval
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
