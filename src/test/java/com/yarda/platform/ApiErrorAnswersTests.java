package com.yarda.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer under {@code /api} is JSON or problem+json, whatever the client's {@code Accept} says: curl sends
 * {@code *}{@code /*}, some clients send nothing, a browser asks for HTML first. Web pages keep their HTML error page.
 */
class ApiErrorAnswersTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** No header at all, curl's default, a browser's, a page, JSON, and something the API never produces. */
    private static final List<@Nullable String> ACCEPTS = Arrays.asList(
            null,
            "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/html",
            "application/json",
            "image/png");

    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, String contentType, String body) {
        Map<String, Object> problem() {
            assertThat(contentType).as("content type of %s", body).startsWith("application/problem+json");
            return JSON.readValue(body, Map.class);
        }
    }

    @Test
    void anUnknownApiRouteAnswers404NotFoundProblemJsonToASignedInCallerWhateverItsAccept() throws Exception {
        String token = registerAndLogin(newEmail());
        for (String path : List.of("/api/no-such-endpoint", "/api/credits/balance/more", "/api/credits/balance/")) {
            for (String accept : ACCEPTS) {
                Answer answer = send("GET", path, accept, token);
                assertThat(answer.status())
                        .as("GET %s, Accept %s", path, accept)
                        .isEqualTo(404);
                assertThat(answer.problem())
                        .as("GET %s, Accept %s", path, accept)
                        .containsEntry("error", "not_found")
                        .containsEntry("status", 404);
            }
        }
        Answer put = send("PUT", "/api/no-such-endpoint", "*/*", token);
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.problem()).containsEntry("error", "not_found");
    }

    @Test
    void anUnknownApiRouteAnswersLikeAnOperatorAddressToSomeoneWhoIsNotAnAdmin() throws Exception {
        // a non-admin must not tell the operator API from an address that does not exist
        String token = registerAndLogin(newEmail());
        for (String accept : ACCEPTS) {
            Answer unknown = send("GET", "/api/no-such-endpoint", accept, token);
            Answer operator = send("GET", "/api/admin/stats", accept, token);
            assertThat(operator.status()).isEqualTo(404);
            assertThat(unknown.problem())
                    .as("Accept %s", accept)
                    .containsEntry("title", operator.problem().get("title"))
                    .containsEntry("detail", operator.problem().get("detail"))
                    .containsEntry("type", operator.problem().get("type"));
        }
    }

    @Test
    void anAnonymousCallerOfAnUnknownApiRouteGets401ProblemJsonWhateverItsAccept() throws Exception {
        for (String accept : ACCEPTS) {
            Answer answer = send("GET", "/api/no-such-endpoint", accept, null);
            assertThat(answer.status()).as("Accept %s", accept).isEqualTo(401);
            assertThat(answer.problem()).as("Accept %s", accept).containsEntry("error", "unauthenticated");
        }
    }

    @Test
    void aWrongMethodOnAKnownApiRouteAnswers405ProblemJsonWhateverItsAccept() throws Exception {
        String token = registerAndLogin(newEmail());
        for (String accept : ACCEPTS) {
            Answer answer = send("DELETE", "/api/credits/balance", accept, token);
            assertThat(answer.status()).as("Accept %s", accept).isEqualTo(405);
            assertThat(answer.problem()).as("Accept %s", accept).containsEntry("error", "method_not_allowed");
        }
    }

    @Test
    void aRequestTheServerRefusesBeforeSpringMvcAnswersProblemJsonOnTheApiEvenToABrowser() throws Exception {
        // an encoded dot segment is refused by the firewall; the answer comes from the servlet container's error page
        for (String accept : ACCEPTS) {
            Answer answer = send("GET", "/api/auth/%2e%2e/%2e%2e/etc/passwd", accept, null);
            assertThat(answer.status()).as("Accept %s", accept).isEqualTo(400);
            assertThat(answer.problem())
                    .as("Accept %s", accept)
                    .containsEntry("error", "malformed_request")
                    .doesNotContainKeys("trace", "exception");
        }
    }

    @Test
    void aPathTomcatRefusesItselfAnswersProblemJsonOnTheApi() throws Exception {
        // an encoded backslash, slash or NUL never reaches a servlet: Tomcat's connector answers 400 on its own
        for (String path : List.of("/api/uploads/%5C", "/api/generations/a%2Fb", "/api/generations/a%00b")) {
            for (String accept : ACCEPTS) {
                Answer answer = send("GET", path, accept, null);
                assertThat(answer.status())
                        .as("GET %s, Accept %s", path, accept)
                        .isEqualTo(400);
                assertThat(answer.problem())
                        .as("GET %s, Accept %s", path, accept)
                        .containsEntry("error", "malformed_request")
                        .containsEntry("status", 400);
            }
        }
        Answer page = send("GET", "/generations/%5C", "text/html", null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("Tomcat");
    }

    @Test
    void aMissingWebPageStillAnswersTheHtmlErrorPageToBrowsersAndCurl() throws Exception {
        for (String accept : List.of("*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
            Answer answer = send("GET", "/no/such/page", accept, null);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).as("Accept %s", accept).startsWith("text/html");
            assertThat(answer.body()).contains("We could not find that page");
        }
    }

    private Answer send(String method, String path, @Nullable String accept, @Nullable String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
