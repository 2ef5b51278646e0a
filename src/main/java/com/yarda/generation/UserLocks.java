package com.yarda.generation;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one user's concurrent requests on this instance wait for each other in memory, before they take a database
 * connection. The database locks (rate limit, credit row) are what guarantee correctness across instances; this
 * only keeps a user who fires many requests at once from holding every pooled connection while they queue.
 */
final class UserLocks {

    private static final int STRIPES = 256;
    private static final long MAX_WAIT_SECONDS = 10;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    UserLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T underLock(UUID userId, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(userId.hashCode(), STRIPES)];
        boolean locked = false;
        try {
            // after the wait, go ahead anyway: the database serialises correctly, only less politely
            locked = lock.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return action.get();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }
}
