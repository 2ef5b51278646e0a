package com.yarda.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the API's security chain, right after the bearer token is verified: a token whose account was deleted or
 * suspended, or whose user's token epoch moved on since it was issued (a password change or reset, "log out
 * everywhere"), counts as no token. The request goes on anonymous, so an endpoint that needs a token answers 401
 * {@code unauthenticated}. Every request asks the database: there is no cache that could let an ended token through on
 * any instance. An API key is not asked about here: no epoch ends it, and it was looked up for this very request
 * ({@link BearerTokens}).
 */
final class EndedTokens extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EndedTokens.class);

    private final ObjectProvider<KnownUsers> knownUsers;
    private final JsonMapper json;

    EndedTokens(ObjectProvider<KnownUsers> knownUsers, JsonMapper json) {
        this.knownUsers = knownUsers;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = CurrentUserResolver.currentUser(authentication);
        if (user != null && !(authentication instanceof ApiKeyAuthentication)) {
            boolean current;
            try {
                current = knownUsers.getObject().current(user.id(), user.epoch());
            } catch (DataAccessException e) {
                if (!DatabaseFailures.unreachable(e)) {
                    throw e;
                }
                log.warn("Request refused: the database is unreachable to check its token: {}", e.getMessage());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                Problems.write(
                        json,
                        response,
                        Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "unavailable",
                                "The service cannot reach its database right now; nothing was changed. Try again"
                                        + " shortly."));
                return;
            }
            if (!current) {
                log.debug("A token of user {} has ended: it counts as none", user.id());
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
