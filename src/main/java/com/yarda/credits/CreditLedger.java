package com.yarda.credits;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.List;
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

    /** Takes one credit of {@code type}; empty when that balance is 0. Locks the account row until commit. */
    Optional<Integer> takeOne(UUID userId, CreditType type, Instant now) {
        String column = column(type);
        return jdbc.sql(
                        "UPDATE credit_accounts SET %1$s = %1$s - 1, updated_at = :now WHERE user_id = :user AND %1$s > 0 RETURNING %1$s"
                                .formatted(column))
                .param("now", Timestamps.sql(now))
                .param("user", userId)
                .query(Integer.class)
                .optional();
    }

    /** Adds {@code amount} (which may be negative) to one balance and returns the new balance. */
    Optional<Integer> add(UUID userId, CreditType type, int amount, Instant now) {
        String column = column(type);
        return jdbc.sql(
                        "UPDATE credit_accounts SET %1$s = %1$s + :amount, updated_at = :now WHERE user_id = :user RETURNING %1$s"
                                .formatted(column))
                .param("amount", amount)
                .param("now", Timestamps.sql(now))
                .param("user", userId)
                .query(Integer.class)
                .optional();
    }

    /**
     * Adds {@code amount} (which may be negative) to one balance unless that would take it below zero. Empty when
     * the account does not exist or the balance is too low; locks the account row until commit either way.
     */
    Optional<Integer> addUnlessNegative(UUID userId, CreditType type, int amount, Instant now) {
        String column = column(type);
        return jdbc.sql("""
                        UPDATE credit_accounts SET %1$s = %1$s + :amount, updated_at = :now
                         WHERE user_id = :user AND %1$s + :amount >= 0
                        RETURNING %1$s
                        """.formatted(column))
                .param("amount", amount)
                .param("now", Timestamps.sql(now))
                .param("user", userId)
                .query(Integer.class)
                .optional();
    }

    /** The consume entry of a generation: who paid, and with which credit type. */
    Optional<Charge> chargeFor(UUID generationId) {
        return jdbc.sql(
                        "SELECT user_id, credit_type FROM credit_ledger WHERE generation_id = :generation AND kind = 'consume'")
                .param("generation", generationId)
                .query((rs, row) ->
                        new Charge(rs.getObject("user_id", UUID.class), CreditType.of(rs.getString("credit_type"))))
                .optional();
    }

    boolean refunded(UUID generationId) {
        return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE generation_id = :generation AND kind = 'refund'")
                        .param("generation", generationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<LedgerEntry> entries(UUID userId, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, kind, credit_type, amount, balance_after, generation_id, purchase_id, created_at
                  FROM credit_ledger WHERE user_id = :user
                 ORDER BY seq DESC LIMIT :limit OFFSET :offset
                """)
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new LedgerEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("credit_type"),
                        rs.getInt("amount"),
                        rs.getInt("balance_after"),
                        rs.getObject("generation_id", UUID.class),
                        rs.getObject("purchase_id", UUID.class),
                        Timestamps.read(rs, "created_at")))
                .list();
    }

    long count(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM credit_ledger WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    record Charge(UUID userId, CreditType type) {}

    private static String column(CreditType type) {
        // the only two column names that ever reach the SQL text
        return type == CreditType.TRIAL ? "trial_credits" : "token_balance";
    }

    void append(
            UUID userId,
            String kind,
            CreditType type,
            int amount,
            int balanceAfter,
            @Nullable UUID generationId,
            Instant now) {
        append(userId, kind, type, amount, balanceAfter, generationId, null, now);
    }

    void append(
            UUID userId,
            String kind,
            CreditType type,
            int amount,
            int balanceAfter,
            @Nullable UUID generationId,
            @Nullable UUID purchaseId,
            Instant now) {
        jdbc.sql("""
                INSERT INTO credit_ledger (id, user_id, kind, credit_type, amount, balance_after, generation_id,
                                           purchase_id, created_at)
                VALUES (:id, :user, :kind, :type, :amount, :after, :generation, :purchase, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("kind", kind)
                .param("type", type.value())
                .param("amount", amount)
                .param("after", balanceAfter)
                .param("generation", generationId)
                .param("purchase", purchaseId)
                .param("now", Timestamps.sql(now))
                .update();
    }
}
