package com.yarda.credits;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code credit_accounts} and {@code credit_ledger} (V2__credits.sql). */
@Repository
class CreditLedger {

    private final JdbcClient jdbc;

    CreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void openAccount(UUID userId, int trialCredits, Instant now) {
        jdbc.sql("""
                INSERT INTO credit_accounts (user_id, trial_credits, token_balance, updated_at)
                VALUES (:user, :trial, 0, :now)
                """)
                .param("user", userId)
                .param("trial", trialCredits)
                .param("now", Timestamps.sql(now))
                .update();
    }

    Optional<Balance> balance(UUID userId) {
        return jdbc.sql("SELECT trial_credits, token_balance FROM credit_accounts WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> Balance.of(rs.getInt("trial_credits"), rs.getInt("token_balance")))
                .optional();
    }

    void append(
            UUID userId,
            String kind,
            CreditType type,
            int amount,
            int balanceAfter,
            @Nullable UUID generationId,
            Instant now) {
        jdbc.sql("""
                INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, generation_id, created_at)
                VALUES (:id, :user, :kind, :type, :amount, :after, :generation, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("kind", kind)
                .param("type", type.value())
                .param("amount", amount)
                .param("after", balanceAfter)
                .param("generation", generationId)
                .param("now", Timestamps.sql(now))
                .update();
    }
}
