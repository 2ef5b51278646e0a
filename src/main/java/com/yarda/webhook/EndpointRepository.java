package com.yarda.webhook;

import com.yarda.platform.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code webhook_endpoints} (V24__webhooks.sql). */
@Repository
class EndpointRepository {

    /** An endpoint as stored: its secret sealed ({@link WebhookSecrets}). */
    record EndpointRow(
            UUID id, UUID userId, String url, List<WebhookEvent> events, byte[] secretSealed, Instant createdAt) {

        WebhookEndpoint toEndpoint() {
            return new WebhookEndpoint(id, url, events, createdAt);
        }
    }

    private static final String COLUMNS = "id, user_id, url, events, secret_sealed, created_at";

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds, until the caller's transaction ends, the right to add endpoints for {@code userId}, so that requests at
     * once cannot together pass the limit; then counts the user's endpoints.
     */
    int lockAndCount(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('webhooks:' || :user, 0))")
                .param("user", userId.toString())
                .query()
                .singleRow();
        return jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    void insert(EndpointRow row) {
        jdbc.sql("""
                INSERT INTO webhook_endpoints (id, user_id, url, events, secret_sealed, created_at)
                VALUES (:id, :user, :url, CAST(:events AS text[]), :secret, :created)
                """)
                .param("id", row.id())
                .param("user", row.userId())
                .param("url", row.url())
                .param("events", row.events().stream().map(WebhookEvent::value).toArray(String[]::new))
                .param("secret", row.secretSealed())
                .param("created", Timestamps.sql(row.createdAt()))
                .update();
    }

    /** The endpoints of {@code userId}, oldest first (ix_webhook_endpoints_user). */
    List<EndpointRow> list(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE user_id = :user ORDER BY created_at, id")
                .param("user", userId)
                .query(EndpointRepository::read)
                .list();
    }

    Optional<EndpointRow> find(UUID userId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(EndpointRepository::read)
                .optional();
    }

    /** The endpoints of {@code userId} that subscribed to {@code event}. */
    List<UUID> subscribed(UUID userId, WebhookEvent event) {
        return jdbc.sql("SELECT id FROM webhook_endpoints WHERE user_id = :user AND :event = ANY (events)")
                .param("user", userId)
                .param("event", event.value())
                .query(UUID.class)
                .list();
    }

    /** Deletes an endpoint of {@code userId} with its deliveries (ON DELETE CASCADE); whether there was one. */
    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    private static EndpointRow read(ResultSet rs, int rowNum) throws SQLException {
        Array events = rs.getArray("events");
        return new EndpointRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("url"),
                Arrays.stream((String[]) events.getArray())
                        .map(WebhookEvent::of)
                        .toList(),
                rs.getBytes("secret_sealed"),
                Objects.requireNonNull(Timestamps.read(rs, "created_at")));
    }
}
