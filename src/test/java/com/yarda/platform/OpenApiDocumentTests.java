package com.yarda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/openapi.json} documents what the endpoints really answer: the status, the body's schema and the
 * problem+json refusals of API.md, so that a client generated from it works.
 */
class OpenApiDocumentTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "#/components/schemas/Problem";

    /**
     * The answers that are not a plain 200 (API.md), comma-separated where there are two; every other API operation
     * answers 200.
     */
    private static final Map<String, String> SUCCESS = Map.ofEntries(
            Map.entry("POST /api/generations", "201,202"),
            Map.entry("POST /api/generations/{id}/refinements", "201,202"),
            Map.entry("POST /api/comparisons", "202"),
            Map.entry("DELETE /api/generations/{id}", "204"),
            Map.entry("POST /api/generations/{id}/share", "200,201"),
            Map.entry("DELETE /api/generations/{id}/share", "204"),
            Map.entry("POST /api/auth/register", "201"),
            Map.entry("POST /api/auth/resend-verification", "202"),
            Map.entry("DELETE /api/auth/me", "204"),
            Map.entry("POST /api/auth/forgot-password", "202"),
            Map.entry("POST /api/auth/logout-all", "204"),
            Map.entry("POST /api/auth/change-email", "202"),
            Map.entry("POST /api/uploads", "201"),
            Map.entry("DELETE /api/uploads/{id}", "204"),
            Map.entry("POST /api/purchases", "201"),
            Map.entry("POST /api/admin/users/{id}/adjustments", "201"),
            Map.entry("POST /api/webhooks", "201"),
            Map.entry("DELETE /api/webhooks/{id}", "204"),
            Map.entry("POST /api/keys", "201"),
            Map.entry("DELETE /api/keys/{id}", "204"));

    private Map<String, Object> document;

    @BeforeEach
    void readTheDocument() {
        String body =
                api().get("/api/openapi.json").then().statusCode(200).extract().asString();
        document = map(JSON.readValue(body, Map.class));
    }

    @Test
    void acceptingAGenerationIsDocumentedAs202WithTheGeneration() {
        Map<String, Object> responses = responses("/api/generations", "post");
        assertThat(responses).containsKey("202").doesNotContainKey("200");
        Map<String, Object> accepted = map(responses.get("202"));
        assertThat(schema(accepted, "application/json")).containsEntry("$ref", "#/components/schemas/Generation");
        assertThat(map(accepted.get("headers"))).containsKeys("Location", "Idempotent-Replayed");
        assertThat(properties("Generation")).containsKeys("id", "status", "credit_type", "credit_refunded");
    }

    @Test
    void acceptingAGenerationTakesItsFieldsInTheBodyOfEitherFormNotInTheQuery() {
        Map<String, Object> operation = operation("/api/generations", "post");
        List<?> parameters = (List<?>) operation.getOrDefault("parameters", List.of());
        assertThat(parameters)
                .allSatisfy(parameter -> assertThat(map(parameter)).containsEntry("in", "header"));
        Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
        assertThat(map(map(content.get("application/json")).get("schema")))
                .containsEntry("$ref", "#/components/schemas/CreateGeneration");
        assertThat(map(map(map(content.get("multipart/form-data")).get("schema"))
                        .get("properties")))
                .containsKeys("input_type", "input_photo_url", "input_address", "style", "custom_prompt", "photo");
    }

    @Test
    void acceptingAGenerationDocumentsEveryRefusalOfApiMdAsProblemJson() {
        Map<String, Object> responses = responses("/api/generations", "post");
        for (String status : List.of("400", "401", "402", "403", "409", "413", "415", "422", "429", "503")) {
            assertThat(responses).as("documented answers").containsKey(status);
            assertThat(schema(map(responses.get(status)), "application/problem+json"))
                    .as("answer %s", status)
                    .containsEntry("$ref", PROBLEM);
        }
        assertThat(properties("Problem"))
                .containsKeys("type", "title", "status", "detail", "error", "errors", "retry_after");
    }

    @Test
    void theHistoryDocumentsPagingByOffsetOrByCursor() {
        Map<String, Object> operation = operation("/api/generations", "get");
        List<?> parameters = (List<?>) operation.get("parameters");
        assertThat(parameters.stream().map(parameter -> map(parameter).get("name")))
                .containsExactlyInAnyOrder("limit", "offset", "before", "status");
        assertThat(parameters)
                .allSatisfy(parameter -> assertThat(map(parameter)).containsEntry("in", "query"));
        Map<String, Object> responses = responses("/api/generations", "get");
        assertThat(schema(map(responses.get("200")), "application/json"))
                .containsEntry("$ref", "#/components/schemas/HistoryPage");
        assertThat(properties("HistoryPage")).containsKeys("items", "total", "limit", "offset", "next_before");
        assertThat(schema(map(responses.get("422")), "application/problem+json"))
                .containsEntry("$ref", PROBLEM);
    }

    @Test
    void everyApiOperationDocumentsTheSuccessStatusItReallyAnswers() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((operation, responses) -> {
            Set<String> successes = new TreeSet<>();
            responses.keySet().stream().filter(code -> code.startsWith("2")).forEach(successes::add);
            Set<String> expected = Set.of(SUCCESS.getOrDefault(operation, "200").split(","));
            if (!successes.equals(expected)) {
                wrong.add(operation + " documents " + successes + ", answers " + expected);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void noApiOperationDocumentsABareStringWhereItAnswersJsonOrAnImage() {
        List<String> wrong = new ArrayList<>();
        operations()
                .forEach((operation, responses) -> responses.forEach((status, response) -> {
                    Map<String, Object> content = map(map(response).getOrDefault("content", Map.of()));
                    content.forEach((mediaType, body) -> {
                        Map<String, Object> schema = map(map(body).getOrDefault("schema", Map.of()));
                        boolean image = (operation.endsWith("/image") || operation.endsWith("/before"))
                                && status.startsWith("2");
                        boolean zip = operation.equals("GET /api/auth/me/export") && status.startsWith("2");
                        if (image || zip
                                ? !mediaType.startsWith(zip ? "application/zip" : "image/")
                                        || !"binary".equals(schema.get("format"))
                                : "string".equals(schema.get("type"))) {
                            wrong.add(operation + " " + status + " " + mediaType + " " + schema);
                        }
                    });
                }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theExportIsDocumentedAsAZipFileToDownload() {
        Map<String, Object> ok = map(responses("/api/auth/me/export", "get").get("200"));
        assertThat(schema(ok, "application/zip"))
                .containsEntry("type", "string")
                .containsEntry("format", "binary");
        assertThat(map(ok.get("headers"))).containsKey("Content-Disposition");
        assertThat(responses("/api/auth/me/export", "get")).containsKey("429");
    }

    @Test
    void schemasNameTheirPropertiesAndEnumValuesAsTheJsonIsWritten() {
        List<String> wrong = new ArrayList<>();
        map(map(document.get("components")).get("schemas")).forEach((name, schema) -> {
            map(map(schema).getOrDefault("properties", Map.of())).forEach((property, definition) -> {
                if (!property.equals(property.toLowerCase())) {
                    wrong.add(name + "." + property);
                }
                Object values = map(definition).get("enum");
                if (values instanceof List<?> list
                        && list.stream().anyMatch(v -> !v.equals(v.toString().toLowerCase()))) {
                    wrong.add(name + "." + property + " " + list);
                }
            });
        });
        assertThat(wrong).isEmpty();
        assertThat(properties("Generation").get("credit_type"))
                .isEqualTo(Map.of("type", "string", "enum", List.of("trial", "token")));
    }

    @Test
    void everyRefusalOfTheApiIsDocumentedAsProblemJson() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((operation, responses) -> {
            if (!responses.containsKey("503")) {
                wrong.add(operation + " does not document 503 unavailable");
            }
            responses.forEach((status, response) -> {
                if (status.compareTo("400") >= 0) {
                    Map<String, Object> content = map(map(response).getOrDefault("content", Map.of()));
                    if (!content.keySet().equals(Set.of("application/problem+json"))
                            || !PROBLEM.equals(schema(map(response), "application/problem+json")
                                    .get("$ref"))) {
                        wrong.add(operation + " " + status + " " + content);
                    }
                }
            });
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyTheEndpointsThatNeedATokenDocumentTheBearerAnd401() {
        Map<String, Object> balance = operation("/api/credits/balance", "get");
        assertThat(map(balance.get("responses"))).containsKey("401");
        assertThat(balance).doesNotContainKey("security"); // the document's default: bearer
        for (String path : List.of("/api/auth/register", "/api/auth/verify-email", "/api/credits/packs")) {
            Map<String, Object> open = operation(path, path.equals("/api/credits/packs") ? "get" : "post");
            assertThat(open).as(path).containsEntry("security", List.of());
            assertThat(map(open.get("responses"))).as(path).doesNotContainKey("401");
        }
        // a wrong password is a 401 of its own
        assertThat(responses("/api/auth/login", "post")).containsKey("401");
    }

    /** Every operation under /api, as "METHOD path", with its responses. */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                map(item)
                        .forEach((method, operation) -> operations.put(
                                method.toUpperCase() + " " + path,
                                map(map(operation).get("responses"))));
            }
        });
        assertThat(operations).hasSizeGreaterThan(20);
        return operations;
    }

    private Map<String, Object> operation(String path, String method) {
        return map(map(map(document.get("paths")).get(path)).get(method));
    }

    private Map<String, Object> responses(String path, String method) {
        return map(operation(path, method).get("responses"));
    }

    private Map<String, Object> properties(String schema) {
        return map(map(map(map(document.get("components")).get("schemas")).get(schema))
                .get("properties"));
    }

    private static Map<String, Object> schema(Map<String, Object> response, String mediaType) {
        return map(map(map(map(response.get("content")).get(mediaType)).get("schema")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
