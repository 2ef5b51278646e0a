package com.yarda.storage;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and how much image decoding runs at once. Decoding is nothing but CPU and memory. On the request's own virtual
 * thread it would hold a carrier thread for as long as it lasts (a virtual thread is not preempted), and as many
 * decodes as cores would stop every other request of the instance, health checks included, for seconds. So decodes
 * run on platform threads of their own, which the operating system time-slices with everything else, while the
 * request's virtual thread waits for the result without holding a carrier.
 *
 * <p>A decode is admitted when one of {@code slots} threads is free and the memory it will take fits in what is left
 * of the budget; one that cannot be admitted within {@code wait} is refused with {@link DecodingBusy} (503), so that
 * the excess of a burst is answered at once instead of queueing. A decode that would need more than the whole budget
 * takes all of it and runs alone. The caller holds nothing else meanwhile (no database connection).
 *
 * <p>The wait is measured with {@link System#nanoTime()}, not the application clock: it bounds real waiting.
 */
final class DecodeCapacity implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecodeCapacity.class);

    private final int slots;
    private final long memoryBytes;
    private final Duration wait;
    private final ExecutorService threads;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    // guarded by lock
    private int busySlots;
    private long reservedBytes;

    /**
     * @param threads runs the decodes; needs at least {@code slots} threads, as no more than that are ever submitted
     */
    DecodeCapacity(int slots, long memoryBytes, Duration wait, ExecutorService threads) {
        if (slots <= 0 || memoryBytes <= 0 || wait.isNegative()) {
            throw new IllegalArgumentException("decode slots and memory must be positive, the wait not negative");
        }
        this.slots = slots;
        this.memoryBytes = memoryBytes;
        this.wait = wait;
        this.threads = threads;
    }

    /** The capacity {@code yarda.storage.*} sets, with its own platform threads. */
    static DecodeCapacity of(StorageProperties storage) {
        int slots = storage.decodeConcurrency();
        DecodeCapacity capacity = new DecodeCapacity(
                slots,
                storage.decodeMemoryBytes(),
                storage.decodeWait(),
                Executors.newFixedThreadPool(
                        slots,
                        Thread.ofPlatform()
                                .name("image-decode-", 1)
                                .daemon(true)
                                .factory()));
        log.debug(
                "Images are decoded {} at a time within {} MB, waiting at most {}",
                slots,
                capacity.memoryBytes / (1024 * 1024),
                capacity.wait);
        return capacity;
    }

    /**
     * Runs {@code decode} on a decode thread once a thread is free and {@code bytes} fit in the memory budget, and
     * waits for its result. What {@code decode} throws is thrown here.
     *
     * @param bytes the most memory {@code decode} will hold at once
     * @throws DecodingBusy when it cannot start within the wait, or the service is stopping
     */
    <T> T run(long bytes, Supplier<T> decode) {
        long reserved = Math.min(bytes, memoryBytes);
        reserve(reserved);
        Future<T> result;
        try {
            result = threads.submit(() -> {
                try {
                    return decode.get();
                } finally {
                    release(reserved);
                }
            });
        } catch (RejectedExecutionException stopping) {
            release(reserved);
            throw new DecodingBusy(wait);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A decode failed", e.getCause());
        } catch (InterruptedException e) {
            // The decode goes on and frees its reservation when it ends; only this request stops waiting for it.
            Thread.currentThread().interrupt();
            throw new DecodingBusy(wait);
        }
    }

    private void reserve(long bytes) {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (busySlots >= slots || reservedBytes + bytes > memoryBytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn(
                            "Refused to decode an upload (503): {} of {} decodes running, {} of {} MB taken; a burst"
                                    + " of large images, the client is told to retry",
                            busySlots,
                            slots,
                            reservedBytes / (1024 * 1024),
                            memoryBytes / (1024 * 1024));
                    throw new DecodingBusy(wait);
                }
                released.awaitNanos(left);
            }
            busySlots++;
            reservedBytes += bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodingBusy(wait);
        } finally {
            lock.unlock();
        }
    }

    private void release(long bytes) {
        lock.lock();
        try {
            busySlots--;
            reservedBytes -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the decodes under way finish and takes no more. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
