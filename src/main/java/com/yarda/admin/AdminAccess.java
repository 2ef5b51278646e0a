package com.yarda.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns away everyone but admins from {@code /api/admin/**} before a request's parameters are even read, so that a
 * non-admin learns nothing (not even which parameters an operator endpoint validates): 404, like an address that
 * does not exist. {@link Administration} checks again on every call.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer {

    private final Administration administration;

    AdminAccess(Administration administration) {
        this.administration = administration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        // the bearer token's subject: the user id (Spring Security has checked the token already)
                        Principal principal = request.getUserPrincipal();
                        if (principal == null || !administration.isAdmin(userId(principal.getName()))) {
                            throw new NotAnAdmin();
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/admin/**");
    }

    private static UUID userId(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            throw new NotAnAdmin();
        }
    }
}
