package com.yarda.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: healthy only after a real round trip to the database and when every other part the features
 * report ({@link HealthCheck}: the image store) is up.
 */
@RestController
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final JdbcClient jdbc;
    private final List<HealthCheck> checks;

    HealthController(JdbcClient jdbc, ObjectProvider<HealthCheck> checks) {
        this.jdbc = jdbc;
        this.checks = checks.orderedStream().toList();
    }

    @Operation(summary = "Whether the service, its database and its image store work (no login)")
    @ApiResponse(responseCode = "200", description = "{status: healthy, database: up, storage: up}")
    @ApiResponse(
            responseCode = "503",
            description = "{status: unhealthy, database: up | down, storage: up | down}: at least one is down")
    @SecurityRequirements
    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("database", state(database()));
        for (HealthCheck check : checks) {
            parts.put(check.name(), state(up(check)));
        }
        boolean healthy = parts.values().stream().allMatch("up"::equals);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.putAll(parts);
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }

    private boolean database() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return true;
        } catch (DataAccessException e) {
            log.warn("Health check failed: the database did not answer ({})", e.getMessage());
            return false;
        }
    }

    private static boolean up(HealthCheck check) {
        try {
            return check.up();
        } catch (RuntimeException e) {
            log.warn("Health check of {} failed: {}", check.name(), e.toString());
            return false;
        }
    }

    private static String state(boolean up) {
        return up ? "up" : "down";
    }
}
