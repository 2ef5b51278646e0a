package com.yarda.generation;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code comparisons} (V13__refinements_and_comparisons.sql); its generations point to it. */
@Repository
class ComparisonRepository {

    private final JdbcClient jdbc;

    ComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, Instant now) {
        jdbc.sql("INSERT INTO comparisons (id, user_id, created_at) VALUES (:id, :user, :now)")
                .param("id", id)
                .param("user", userId)
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** The comparisons of {@code userId}, newest first (ix_comparisons_user). */
    List<UUID> ids(UUID userId) {
        return jdbc.sql("SELECT id FROM comparisons WHERE user_id = :user ORDER BY created_at DESC, id DESC")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }

    /** When comparison {@code id} of {@code userId} was made; empty for anyone else's. */
    Optional<Instant> createdAt(UUID userId, UUID id) {
        return jdbc.sql("SELECT created_at FROM comparisons WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query((rs, row) -> Timestamps.read(rs, "created_at"))
                .optional();
    }
}
