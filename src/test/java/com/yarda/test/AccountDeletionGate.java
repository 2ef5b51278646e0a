package com.yarda.test;

import com.yarda.account.AccountDeleting;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;

/**
 * Holds the next account deletion inside its transaction (the user row locked, nothing deleted yet) until the test
 * releases it, so that a test can run requests into that moment. Unarmed, it does nothing.
 */
public class AccountDeletionGate {

    private volatile CountDownLatch reached;
    private volatile CountDownLatch release;

    /** The next deletion stops at the gate. */
    public void arm() {
        reached = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Waits (at most 30 s) until a deletion is at the gate. */
    public void awaitReached() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no account deletion reached the gate");
        }
    }

    /** Lets the held deletion go on, and disarms the gate. */
    public void release() {
        CountDownLatch held = release;
        reached = null;
        release = null;
        if (held != null) {
            held.countDown();
        }
    }

    @EventListener
    void hold(AccountDeleting deleting) throws InterruptedException {
        CountDownLatch arrived = reached;
        CountDownLatch gate = release;
        if (arrived == null || gate == null) {
            return;
        }
        arrived.countDown();
        if (!gate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the account deletion");
        }
    }
}
