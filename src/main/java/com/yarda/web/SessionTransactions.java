package com.yarda.web;

import com.yarda.platform.DatabaseFailures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions Spring Session runs its JDBC statements in (it takes a bean of this name), as its own, with one
 * difference: once one found the database unreachable, those of the next {@link #FAIL_FAST} fail at once. A
 * browser request reaches for its session several times (to load it, to save it when the response is committed,
 * and again when the request ends), and with the database gone each of those would wait out the pool's connection
 * timeout: a page would answer its 503 only after several of them. After {@link #FAIL_FAST} the next one asks the
 * database again. (With this bean present Spring Boot makes no {@code TransactionTemplate} bean of its own; each
 * facade here builds its own.)
 */
@Component("springSessionTransactionOperations")
class SessionTransactions implements TransactionOperations {

    static final Duration FAIL_FAST = Duration.ofSeconds(1);

    private final TransactionOperations transactions;
    // elapsed time as the pool measures its timeouts, not the application's Clock (business time, which tests move)
    private final LongSupplier nanoTime;
    private final AtomicReference<@Nullable Long> unreachableAt = new AtomicReference<>();

    @Autowired
    SessionTransactions(PlatformTransactionManager transactionManager) {
        this(sessionTemplate(transactionManager), System::nanoTime);
    }

    SessionTransactions(TransactionOperations transactions, LongSupplier nanoTime) {
        this.transactions = transactions;
        this.nanoTime = nanoTime;
    }

    private static TransactionTemplate sessionTemplate(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // as Spring Session's own
        return template;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        Long failedAt = unreachableAt.get();
        if (failedAt != null && nanoTime.getAsLong() - failedAt < FAIL_FAST.toNanos()) {
            throw new CannotCreateTransactionException(
                    "The database was unreachable less than " + FAIL_FAST.toMillis() + " ms ago");
        }
        try {
            return transactions.execute(action);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unreachable(e)) {
                unreachableAt.set(nanoTime.getAsLong());
            }
            throw e;
        }
    }
}
