package com.yarda.platform;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where an API key may not go (403 {@code api_key_not_allowed}): a key is for integrations, which design, upload,
 * compare, read credits and receive webhooks. It cannot manage the account (the rest of {@code /api/auth/**}: the
 * password, the email, logging out, deleting or exporting the account), its keys, buy tokens (a person pays at
 * Checkout) or act as an operator. {@code GET /api/auth/me} is open to keys: an integration checks whom it acts for.
 * Everything else under {@code /api} takes a key as it takes an access token.
 */
final class ApiKeyReach {

    /** Open to keys although under {@code /api/auth/**}, for {@code GET} only. */
    static final String ME = "/api/auth/me";

    static final String[] REFUSED = {"/api/auth/**", "/api/keys/**", "/api/purchases/**", "/api/admin/**"};

    private static final List<PathPattern> REFUSED_PATTERNS =
            Arrays.stream(REFUSED).map(PathPatternParser.defaultInstance::parse).toList();

    private ApiKeyReach() {}

    /** Whether an API key is refused at {@code path} (a path of the OpenAPI document) with {@code method}. */
    static boolean refuses(HttpMethod method, String path) {
        if (method.equals(HttpMethod.GET) && path.equals(ME)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return REFUSED_PATTERNS.stream().anyMatch(pattern -> pattern.matches(container));
    }
}
