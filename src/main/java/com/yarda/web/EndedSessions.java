package com.yarda.web;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.DatabaseFailures;
import com.yarda.platform.KnownUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the pages' security chain, as soon as the session is read: a session whose account was deleted or suspended, or
 * whose token epoch is no longer the account's (a password change or reset elsewhere, "log out everywhere"), is ended
 * and the browser sent to the login page, which says that it was logged out (a deleted account's browser just gets the
 * login page). Every request asks the database, so a session ends at once on every instance. The service's own files
 * (styles, scripts) are not asked about: they show nothing of anyone.
 */
final class EndedSessions extends OncePerRequestFilter {

    /** Where an ended session is sent; the login page explains. */
    static final String ENDED = "/login?ended";

    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);
    private static final String[] ASSETS = {"/css/", "/js/", "/webjars/", "/favicon.svg"};

    private final KnownUsers knownUsers;
    private final BrowserSessions sessions;
    private final RequestCache requestCache;

    EndedSessions(KnownUsers knownUsers, BrowserSessions sessions, RequestCache requestCache) {
        this.knownUsers = knownUsers;
        this.sessions = sessions;
        this.requestCache = requestCache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String asset : ASSETS) {
            if (path.startsWith(asset)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            boolean current;
            try {
                current = knownUsers.current(user.id(), user.epoch());
            } catch (DataAccessException e) {
                if (!DatabaseFailures.unreachable(e)) {
                    throw e;
                }
                log.warn("Page refused: the database is unreachable to check its session: {}", e.getMessage());
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                return;
            }
            if (!current) {
                log.info("Ended a browser session of user {}: it was logged out elsewhere", user.id());
                sessions.end(request);
                // after logging in again, back where the browser was going (a page, not a form post)
                requestCache.saveRequest(request, response);
                String login = knownUsers.exists(user.id()) ? ENDED : "/login";
                if (request.getHeader("HX-Request") != null) {
                    // htmx follows a redirect inside the page; this makes it load the login page as a whole
                    response.setHeader("HX-Redirect", login);
                    response.setStatus(HttpStatus.NO_CONTENT.value());
                } else {
                    response.sendRedirect(login);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
