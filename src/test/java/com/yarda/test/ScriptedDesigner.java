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
