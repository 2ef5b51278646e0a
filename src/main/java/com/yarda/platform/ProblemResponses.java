package com.yarda.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The refusals of the API in the OpenAPI document, in one place rather than on every endpoint. Every error answer of
 * an {@code /api} operation is {@code application/problem+json} with the {@code Problem} schema; an endpoint
 * declares the refusals of its own (402, 429, …) with a bare {@code @ApiResponse}, and those every operation can
 * give are added here from what the operation is: 401 unless it is public ({@link SecurityConfiguration}), 403
 * {@code api_key_not_allowed} where an API key may not go ({@link ApiKeyReach}), 400 and 415 with a request body, 422
 * with a body or parameters, 404 with an id in the path, 500 and 503 always.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final List<PathPattern> publicPaths;

    ProblemResponses(String... publicPaths) {
        this.publicPaths = Arrays.stream(publicPaths)
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problem());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap()
                        .forEach((method, operation) -> document(HttpMethod.valueOf(method.name()), path, operation));
            }
        });
    }

    private void document(HttpMethod method, String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body) {
            add(responses, "400", "malformed_request: the body is not parseable JSON or multipart, or has wrong types");
            add(responses, "415", "unsupported_media_type: the body is not of a Content-Type this endpoint reads");
        }
        if (isPublic(path)) {
            operation.setSecurity(List.of());
        } else {
            add(responses, "401", "unauthenticated: no, an expired or an invalid bearer token or API key");
            if (ApiKeyReach.refuses(method, path)) {
                String keys = "api_key_not_allowed: an API key cannot do this; use an access token from POST"
                        + " /api/auth/login";
                ApiResponse forbidden = responses.get("403");
                if (forbidden == null) {
                    responses.addApiResponse("403", new ApiResponse().description(keys));
                } else {
                    forbidden.setDescription(forbidden.getDescription() + "; " + keys);
                }
            }
        }
        if (path.contains("{")) {
            add(responses, "404", "not_found: no such id, or one that belongs to someone else");
        }
        if (body || parameters) {
            add(responses, "422", "validation_failed: a field breaks a rule; errors names each one");
        }
        add(responses, "500", "internal: an unexpected failure, logged on our side; the answer has no details");
        add(responses, "503", "unavailable: the database is unreachable; the request changed nothing");
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMA))));
            }
        });
    }

    /** A refusal the endpoint has not declared itself (its own description is the more precise). */
    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    /** What {@link Problems} builds: RFC 9457 members, the stable code in {@code error}, and the extras of API.md. */
    private static Schema<?> problem() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty(
                        "field",
                        new StringSchema().description("the field's JSON name").example("style"))
                .addProperty("message", new StringSchema().example("must be one of the ids of GET /api/styles"));
        return new ObjectSchema()
                .description("A refusal or failure (RFC 9457 problem details) with a stable machine code in `error`;"
                        + " API.md lists the codes.")
                .addProperty(
                        "type", new StringSchema().format("uri-reference").example("/problems/insufficient-credits"))
                .addProperty("title", new StringSchema().example("Insufficient credits"))
                .addProperty("status", new IntegerSchema().example(402))
                .addProperty("detail", new StringSchema().description("what happened and what to do, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "error",
                        new StringSchema()
                                .description("the stable machine code")
                                .example("insufficient_credits"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(fieldProblem)
                                .description("validation_failed: every field that breaks a rule"))
                .addProperty(
                        "retry_after",
                        new IntegerSchema()
                                .format("int64")
                                .description("rate_limited: seconds until a request can succeed (also Retry-After)"))
                .addProperty("limit", new IntegerSchema().description("rate_limited: requests allowed in the window"))
                .addProperty("remaining", new IntegerSchema().description("rate_limited: requests left in the window"))
                .addProperty(
                        "generation_id",
                        new UUIDSchema()
                                .description("unavailable, when the connection broke while a generation was being"
                                        + " saved: the generation that may or may not exist"))
                .required(List.of("type", "title", "status", "detail", "error"));
    }
}
