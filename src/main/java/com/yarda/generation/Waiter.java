package com.yarda.generation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where the worker's loop waits when it has nothing to do: until it is woken (a generation was queued on this
 * instance, or a design finished and freed a slot) or the poll interval has passed. A wake-up that comes while the
 * loop is busy is kept, so the next wait returns at once instead of losing it (after db-scheduler's
 * {@code Waiter}).
 */
final class Waiter {

    private final Object lock = new Object();
    private final Duration pollInterval;
    private boolean woken;

    Waiter(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * Waits until {@link #wake()} is called or the poll interval has passed; returns at once when woken since the
     * last wait.
     */
    void await() throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(1, pollInterval.toNanos());
        synchronized (lock) {
            // a loop, not one wait: Object.wait may return spuriously
            while (!woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            woken = false;
        }
    }

    /** Ends the current wait, or the next one if nobody is waiting. */
    void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }
}
