package com.yarda.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link CurrentUser} parameters from the bearer token or the browser session. Whether they still stand for
 * their account ({@link KnownUsers#current}) was asked once for the request, before any handler, by the filter of its
 * security chain ({@link EndedTokens} for the API, the web app's own for pages): an ended token or session reaches
 * this as no authentication at all.
 */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        CurrentUser user = currentUser(SecurityContextHolder.getContext().getAuthentication());
        if (user == null) {
            throw new InsufficientAuthenticationException("No authenticated user");
        }
        return user;
    }

    /** The user of a bearer token (an access token or an API key) or of a browser session; null for anyone else. */
    static @Nullable CurrentUser currentUser(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
            return new CurrentUser(UUID.fromString(jwt.getSubject()), AccessTokens.epoch(jwt));
        }
        // browser pages log in with a session whose principal is the user itself, and an API key's is too
        // (ApiKeyAuthentication)
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser sessionUser) {
            return sessionUser;
        }
        return null;
    }
}
