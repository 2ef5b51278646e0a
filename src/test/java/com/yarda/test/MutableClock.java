package com.yarda.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A clock that follows real time from an offset that tests move forward, so that "one hour later" takes no
 * time at all. It only ever moves forward, so tests sharing it cannot disturb each other's ordering. A test that
 * counts exact seconds (a retry-after, a window) freezes it, so that a slow machine cannot add a second between two
 * requests.
 */
public final class MutableClock extends Clock {

    /** Real time plus {@code offset}, or {@code frozenAt} (moved only by {@link #advance}) while frozen. */
    private record State(Duration offset, @Nullable Instant frozenAt) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(Duration.ZERO, null));

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        state.updateAndGet(s -> s.frozenAt() == null
                ? new State(s.offset().plus(duration), null)
                : new State(s.offset(), s.frozenAt().plus(duration)));
    }

    /** Stops the clock where it is until the returned handle is closed; then it follows real time from there on. */
    public Frozen freeze() {
        state.updateAndGet(s ->
                s.frozenAt() != null ? s : new State(s.offset(), Instant.now().plus(s.offset())));
        return () -> state.updateAndGet(
                s -> s.frozenAt() == null ? s : new State(Duration.between(Instant.now(), s.frozenAt()), null));
    }

    /** A frozen clock; closing it lets time run again, without a jump. */
    public interface Frozen extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public Instant instant() {
        State s = state.get();
        return s.frozenAt() != null ? s.frozenAt() : Instant.now().plus(s.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Yarda works in UTC");
    }
}
