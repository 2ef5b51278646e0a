package com.yarda.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached outside Spring MVC's own handling answers 503 through
 * the error page ({@link ErrorPages}: a page for browsers, problem+json {@code unavailable} for the API), instead of
 * reaching the servlet container as an exception, which would be a 500 logged with its stack trace. Browser sessions
 * are such a case: a filter loads them before the page and saves them after it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // around Spring Session's filter
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !unreachable(e)) {
                throw e;
            }
            log.warn("Request failed because the database is unreachable: {}", e.getMessage());
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** The failure arrives wrapped (in a servlet exception, say); the database's is among its causes. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (DatabaseFailures.unreachable(cause)) {
                return true;
            }
        }
        return false;
    }
}
