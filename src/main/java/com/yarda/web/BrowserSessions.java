package com.yarda.web;

import com.yarda.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Browser sessions: their principal is the user with the token epoch of the login ({@link CurrentUser}), which
 * {@link EndedSessions} compares with the account's on every request.
 */
@Component
class BrowserSessions {

    private final SecurityContextRepository sessions;
    private final CsrfTokenRepository csrfTokens;

    BrowserSessions(SecurityContextRepository sessions, CsrfTokenRepository csrfTokens) {
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
    }

    /** A new session (new id: no fixation) holding the user at token epoch {@code epoch} as its principal. */
    void start(UUID userId, long epoch, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                new CurrentUser(userId, epoch), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        // a new CSRF token with the new session, as Spring Security's own login does
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    /** Ends the session of this request, if it has one; the request goes on anonymous. */
    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
