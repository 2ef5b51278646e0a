package com.yarda.site;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain HTTPS GETs to the site services, with a connect timeout and a timeout per call and no redirects. Failures
 * become {@link LookupFailed} with a message that names the service and what went wrong, never the URL (Google's
 * key travels in it).
 */
final class SiteHttp {

    /** An answer of any status. */
    record Answer(int status, String contentType, byte[] body) {

        boolean isImage() {
            return status == 200 && contentType.startsWith("image/");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    SiteHttp(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
    }

    /** GET {@code base + path} with {@code query}; {@code service} names it in failures. */
    Answer get(String service, URI base, String path, Map<String, String> query) {
        URI uri = URI.create(stripSlash(base.toString()) + path + "?" + encode(query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), contentType.toLowerCase(Locale.ROOT), response.body());
        } catch (HttpTimeoutException e) {
            throw new LookupFailed(service + " did not answer within " + timeout);
        } catch (IOException e) {
            throw new LookupFailed(
                    service + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed(service + ": interrupted");
        }
    }

    /** Query parameters in the order given. */
    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
