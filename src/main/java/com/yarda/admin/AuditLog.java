package com.yarda.admin;

import com.yarda.platform.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code admin_audit} (V7__admin.sql): append-only, enforced by a trigger. */
@Repository
class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO admin_audit (id, admin_id, admin_email, action, target_user_id, reason, details, created_at)
                VALUES (:id, :admin, :adminEmail, :action, :target, :reason, CAST(:details AS jsonb), :created)
                """)
                .param("id", entry.id())
                .param("admin", entry.adminId())
                .param("adminEmail", entry.adminEmail())
                .param("action", entry.action())
                .param("target", entry.targetUserId())
                .param("reason", entry.reason())
                .param("details", json.writeValueAsString(entry.details()))
                .param("created", Timestamps.sql(entry.createdAt()))
                .update();
    }

    /** Newest first; only the entries about {@code targetUserId} when it is given (ix_admin_audit_target). */
    List<AuditEntry> entries(@Nullable UUID targetUserId, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, admin_id, admin_email, action, target_user_id, reason, details::text AS details, created_at
                  FROM admin_audit
                """ + (targetUserId == null ? "" : " WHERE target_user_id = :target") + """
                 ORDER BY seq DESC LIMIT :limit OFFSET :offset
                """)
                .param("target", targetUserId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    long count(@Nullable UUID targetUserId) {
        return jdbc.sql("SELECT count(*) FROM admin_audit"
                        + (targetUserId == null ? "" : " WHERE target_user_id = :target"))
                .param("target", targetUserId)
                .query(Long.class)
                .single();
    }

    private AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("admin_id", UUID.class),
                rs.getString("admin_email"),
                rs.getString("action"),
                rs.getObject("target_user_id", UUID.class),
                rs.getString("reason"),
                json.readValue(rs.getString("details"), DETAILS),
                Timestamps.read(rs, "created_at"));
    }
}
