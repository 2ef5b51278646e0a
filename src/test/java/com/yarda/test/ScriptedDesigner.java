package com.yarda.test;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Designer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the application's real designer so that a test can script what happens to the designs it asks for, keyed
 * by the address (or, for photos, the custom prompt) the test chose: fail, throw, or wait for a signal. Anything
 * not scripted goes to the real designer.
 */
public final class ScriptedDesigner implements Designer {

    /** What one call does. */
    public interface Step {
        Design run(DesignRequest request, Designer real) throws Exception;
    }

    private final Designer real;
    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

    public ScriptedDesigner(Designer real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    /** Queues steps for the designs of {@code key}, one step per call; later calls go to the real designer. */
    public void script(String key, Step... steps) {
        Deque<Step> queue = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (Step step : steps) {
                queue.addLast(step);
            }
        }
    }

    /** How many times the designer was asked for {@code generationId}. */
    public int calls(UUID generationId) {
        AtomicInteger count = calls.get(generationId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Design design(DesignRequest request) {
        calls.computeIfAbsent(request.generationId(), id -> new AtomicInteger()).incrementAndGet();
        Step step = next(request.address() != null ? request.address() : request.customPrompt());
        if (step == null) {
            return real.design(request);
        }
        try {
            return step.run(request, real);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private @Nullable Step next(@Nullable String key) {
        if (key == null) {
            return null;
        }
        Deque<Step> queue = scripts.get(key);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.pollFirst();
        }
    }

    /**
     * Holds the next design of {@code key} mid-draw: it starts, then waits until the test releases it, then does
     * {@code then}.
     */
    public Held hold(String key, Step then) {
        Held held = new Held();
        script(key, signal(held.started, waitFor(held.released, then)));
        return held;
    }

    /** Holds the next design of {@code key} mid-draw, then lets the real designer finish it. */
    public Held hold(String key) {
        return hold(key, succeed());
    }

    /** A design held mid-draw; closing it releases it, so a failed test never leaves a worker blocked. */
    public static final class Held implements AutoCloseable {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits (at most 30 s) until the designer is drawing it. */
        public Held awaitStarted() {
            try {
                if (!started.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the held design was never started by a worker");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the held design to start", e);
            }
            return this;
        }

        /** Whether a worker has started drawing it. */
        public boolean started() {
            return started.getCount() == 0;
        }

        /** Lets it finish. */
        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }

    /** A step that waits until {@code gate} opens (at most a minute), then does {@code then}. */
    public static Step waitFor(CountDownLatch gate, Step then) {
        return (request, real) -> {
            if (!gate.await(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("test gate never opened");
            }
            return then.run(request, real);
        };
    }

    /** The real design. */
    public static Step succeed() {
        return (request, real) -> real.design(request);
    }

    /** Signals {@code started} when the call begins, then does {@code then}. */
    public static Step signal(CountDownLatch started, Step then) {
        return (request, real) -> {
            started.countDown();
            return then.run(request, real);
        };
    }
}
