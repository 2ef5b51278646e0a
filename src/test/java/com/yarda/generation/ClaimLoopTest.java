package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's loop with a poll interval no test outlives: whatever it starts, it started because it was woken — by
 * a finished design or a queued generation — never because the poll interval passed.
 */
class ClaimLoopTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    private final Waiter waiter = new Waiter(FOREVER);
    private final Deque<Design> queue = new ArrayDeque<>();
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger drawing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Design> all = new ArrayList<>();
    private ClaimLoop loop;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        all.forEach(Design::finish);
        if (loop != null) {
            loop.stop();
            thread.join(Duration.ofSeconds(10));
        }
        executor.close();
    }

    @Test
    void aFinishedDesignLetsTheNextClaimHappenAtOnce() {
        Design first = queued();
        Design second = queued();
        Design third = queued();
        start(1);

        first.awaitStarted();
        assertThat(second.started()).isFalse();
        first.finish();
        second.awaitStarted();
        second.finish();
        third.awaitStarted();

        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void neverDrawsMoreDesignsAtOnceThanItHasSlots() {
        List<Design> designs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            designs.add(queued());
        }
        start(2);

        designs.get(0).awaitStarted();
        designs.get(1).awaitStarted();
        for (Design design : designs) {
            design.awaitStarted();
            design.finish();
        }

        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aGenerationQueuedWhileTheLoopIsIdleIsClaimedWhenItIsWoken() {
        start(2);
        awaitClaims(1);

        Design late = queued();
        waiter.wake();

        late.awaitStarted();
    }

    @Test
    void aFailedClaimDoesNotEndTheLoop() {
        Design design = queued();
        AtomicInteger calls = new AtomicInteger();
        loop = new ClaimLoop(
                1,
                waiter,
                max -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the database is away");
                    }
                    return take(max);
                },
                executor);
        thread = Thread.ofPlatform().start(loop);
        await(() -> calls.get() >= 1);

        waiter.wake();

        design.awaitStarted();
    }

    private void start(int slots) {
        loop = new ClaimLoop(slots, waiter, this::take, executor);
        thread = Thread.ofPlatform().start(loop);
    }

    private synchronized List<Runnable> take(int max) {
        claims.incrementAndGet();
        List<Runnable> claimed = new ArrayList<>();
        while (claimed.size() < max && !queue.isEmpty()) {
            claimed.add(queue.poll());
        }
        return claimed;
    }

    private synchronized Design queued() {
        Design design = new Design();
        queue.add(design);
        all.add(design);
        return design;
    }

    private void awaitClaims(int count) {
        await(() -> claims.get() >= count);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition::getAsBoolean);
    }

    /** A design being drawn until the test finishes it. */
    private final class Design implements Runnable {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch finished = new CountDownLatch(1);

        @Override
        public void run() {
            mostAtOnce.accumulateAndGet(drawing.incrementAndGet(), Math::max);
            started.countDown();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                drawing.decrementAndGet();
            }
        }

        boolean started() {
            return started.getCount() == 0;
        }

        void awaitStarted() {
            try {
                assertThat(started.await(10, TimeUnit.SECONDS))
                        .as("the design started within 10 s, though the poll interval is an hour")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void finish() {
            finished.countDown();
        }
    }
}
