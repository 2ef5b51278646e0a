package com.yarda.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * Resolves {@link CurrentUser} parameters from the bearer token or the browser session, for accounts that still
 * exist: the token or session of a deleted account is treated as no authentication at all.
 */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<KnownUsers> knownUsers;

    CurrentUserResolver(ObjectProvider<KnownUsers> knownUsers) {
        this.knownUsers = knownUsers;
    }

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
        if (!knownUsers.getObject().exists(user.id())) {
            throw new InsufficientAuthenticationException("The account of this token or session was deleted");
        }
        return user;
    }

    /** The user of a bearer token or of a browser session; null for anyone else. */
    static @Nullable CurrentUser currentUser(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
            return new CurrentUser(UUID.fromString(jwt.getSubject()));
        }
        // browser pages log in with a session whose principal is the user itself
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser sessionUser) {
            return sessionUser;
        }
        return null;
    }
}
