package com.yarda.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.yarda.test.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsApiTests extends IntegrationTest {

    @Test
    void healthIsHealthyAfterARealDatabaseRoundTrip() {
        api().get("/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("database", equalTo("up"));
    }

    @Test
    void livenessAndReadinessProbesAnswerWithoutALogin() {
        // docs/deploy.md points Kubernetes and Compose at these
        api().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
        api().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownRoutesAre404ProblemJson() {
        api().get("/no/such/page")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("error", equalTo("not_found"))
                .body("status", equalTo(404));
        String token = registerAndLogin(newEmail());
        api(token)
                .get("/api/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("error", equalTo("not_found"));
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblemJsonToo() {
        api().get("/api/auth/register")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("error", equalTo("method_not_allowed"));
        api().contentType("text/plain")
                .body("hello")
                .post("/api/auth/login")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void servletLevelErrorsNeverShowAStackTrace() {
        // an encoded slash in the path is rejected by the firewall before Spring MVC sees it
        api().urlEncodingEnabled(false)
                .get("/api/auth/%2e%2e/%2e%2e/etc/passwd")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("error", equalTo("malformed_request"))
                .body("$", not(hasKey("trace")))
                .body("$", not(hasKey("exception")));
    }

    @Test
    void publishesTheOpenApiDocumentAndSwaggerUi() {
        api().get("/api/openapi.json")
                .then()
                .statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", hasKey("/api/auth/register"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/auth/me"))
                .body("components.schemas.RegisterRequest.properties", hasKey("email"));
        io.restassured.RestAssured.given()
                .redirects()
                .follow(true)
                .get("/api/docs")
                .then()
                .statusCode(200)
                .body(containsString("Swagger UI"));
    }

    @Test
    void prometheusMetricsAreOnlyForTheScraperWithTheToken() {
        for (String authorization : new String[] {null, "Bearer wrong-token", "Bearer " + METRICS_TOKEN + "x"}) {
            var request = io.restassured.RestAssured.given();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get("/actuator/prometheus")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body(not(containsString("yarda_generations")));
        }
        // a user's bearer token is no scraper's either
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + verifiedUser().token())
                .get("/actuator/prometheus")
                .then()
                .statusCode(401);

        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + METRICS_TOKEN)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("hikaricp_connections"))
                .body(containsString("yarda_generations_queue_depth"))
                .body(containsString("yarda_designer_latency_seconds"));
    }
}
