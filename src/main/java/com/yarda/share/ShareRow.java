package com.yarda.share;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A live row of {@code shares} (V14__shares.sql). Holds arrays: compared by identity, like every such record. */
record ShareRow(UUID id, UUID generationId, UUID userId, byte[] tokenHash, byte[] tokenSeed, Instant createdAt) {

    static final String COLUMNS = "id, generation_id, user_id, token_hash, token_seed, created_at";

    static ShareRow read(ResultSet rs, int row) throws SQLException {
        return new ShareRow(
                rs.getObject("id", UUID.class),
                rs.getObject("generation_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getBytes("token_hash"),
                rs.getBytes("token_seed"),
                Objects.requireNonNull(Timestamps.read(rs, "created_at")));
    }
}
