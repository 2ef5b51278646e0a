package com.yarda.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: healthy only after a real round trip to the database. */
@RestController
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final JdbcClient jdbc;

    HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Whether the service and its database answer (no login)")
    @ApiResponse(responseCode = "200", description = "{status: healthy, database: up}")
    @ApiResponse(responseCode = "503", description = "{status: unhealthy, database: down}")
    @SecurityRequirements
    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return ResponseEntity.ok(Map.of("status", "healthy", "database", "up"));
        } catch (DataAccessException e) {
            log.warn("Health check failed: the database did not answer ({})", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "unhealthy", "database", "down"));
        }
    }
}
