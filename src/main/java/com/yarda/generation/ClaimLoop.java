package com.yarda.generation;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's loop: each round claims as many generations as there are free slots, starts each, then waits once —
 * until a design finishes (its slot is free), a generation is queued on this instance, or the poll interval has
 * passed. One wait per round is what lets a freed slot be used at once: the wake-up of a finishing design is never
 * spent on a second wait.
 */
final class ClaimLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

    /** Where the work comes from. */
    interface Source {
        /** Claims at most {@code max} generations; the work of each, to run outside any transaction. */
        List<Runnable> claim(int max);
    }

    private final Semaphore slots;
    private final Waiter waiter;
    private final Source source;
    private final Executor executor;
    private volatile boolean running = true;

    ClaimLoop(int slots, Waiter waiter, Source source, Executor executor) {
        this.slots = new Semaphore(slots);
        this.waiter = waiter;
        this.source = source;
        this.executor = executor;
    }

    @Override
    public void run() {
        while (running) {
            claimForFreeSlots();
            try {
                waiter.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends the loop after its current round. */
    void stop() {
        running = false;
        waiter.wake();
    }

    /** Claims for every free slot and starts what it claimed; with no free slot it claims nothing. */
    void claimForFreeSlots() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        List<Runnable> claimed;
        try {
            claimed = source.claim(free);
        } catch (RuntimeException e) {
            log.warn("Generation queue unavailable, trying again after the poll interval: {}", e.getMessage());
            return;
        }
        for (Runnable work : claimed) {
            slots.acquireUninterruptibly();
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        slots.release();
                        waiter.wake();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // the worker is stopping; it hands back whatever it still holds
                slots.release();
            }
        }
    }
}
