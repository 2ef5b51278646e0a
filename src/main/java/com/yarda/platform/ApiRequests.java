package com.yarda.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The requests of the API, everything under {@code /api}: they are answered with JSON or problem+json whatever their
 * {@code Accept} header says (API.md), while every other address is a web page with HTML error pages.
 */
public final class ApiRequests {

    static final String PATHS = "/api/**";

    private ApiRequests() {}

    /** Whether {@code request} was sent to the API; on an error dispatch, whether the request that failed was. */
    public static boolean matches(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String original ? original : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return path.equals("/api") || path.startsWith("/api/");
    }
}
