package com.yarda.share;

import com.yarda.platform.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code shares} (V14__shares.sql). */
@Repository
class ShareRepository {

    private final JdbcClient jdbc;

    ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live link of a design of {@code userId}. */
    Optional<ShareRow> live(UUID userId, UUID generationId) {
        return jdbc.sql("SELECT " + ShareRow.COLUMNS + """
                         FROM shares
                        WHERE generation_id = :generation AND user_id = :user AND revoked_at IS NULL
                        """)
                .param("generation", generationId)
                .param("user", userId)
                .query(ShareRow::read)
                .optional();
    }

    /**
     * Inserts {@code row} as the live link of its design, unless the design has one already
     * ({@code uq_shares_live_generation}): then nothing changes and the answer is false. A concurrent insert for the
     * same design is waited for, so that the caller can read the winner's row next.
     */
    boolean insertLive(ShareRow row) {
        return jdbc.sql("""
                        INSERT INTO shares (id, generation_id, user_id, token_hash, token_seed, created_at)
                        VALUES (:id, :generation, :user, :hash, :seed, :created)
                        ON CONFLICT (generation_id) WHERE revoked_at IS NULL DO NOTHING
                        """)
                        .param("id", row.id())
                        .param("generation", row.generationId())
                        .param("user", row.userId())
                        .param("hash", row.tokenHash())
                        .param("seed", row.tokenSeed())
                        .param("created", Timestamps.sql(row.createdAt()))
                        .update()
                == 1;
    }

    /** Ends the live link of a design of {@code userId}; whether there was one. */
    boolean revoke(UUID userId, UUID generationId, Instant now) {
        return jdbc.sql("""
                        UPDATE shares SET revoked_at = :now
                         WHERE generation_id = :generation AND user_id = :user AND revoked_at IS NULL
                        """)
                        .param("now", Timestamps.sql(now))
                        .param("generation", generationId)
                        .param("user", userId)
                        .update()
                > 0;
    }

    /** The design behind a live link, by the hash of its token (uq_shares_token_hash). */
    Optional<Target> findLive(byte[] tokenHash) {
        return jdbc.sql("SELECT user_id, generation_id FROM shares WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", tokenHash)
                .query((rs, n) ->
                        new Target(rs.getObject("user_id", UUID.class), rs.getObject("generation_id", UUID.class)))
                .optional();
    }

    /** Every link of a design, live or revoked: the design is gone. */
    int deleteAll(UUID generationId) {
        return jdbc.sql("DELETE FROM shares WHERE generation_id = :generation")
                .param("generation", generationId)
                .update();
    }

    /** A design of a user, as a live link names it. */
    record Target(UUID userId, UUID generationId) {}
}
