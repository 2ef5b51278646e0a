package com.yarda.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A design form whose photo is over the multipart limit ({@code spring.servlet.multipart.max-file-size}) cannot be
 * read: Tomcat refuses its parameters as soon as the CSRF check asks for the token, before any page controller runs,
 * and the browser would get a bare 413. This filter, ahead of Spring Security, reads the form first and sends the
 * browser back to it (303 to the GET page, which changes nothing) with the reason beside the photo field.
 */
@Component
// before Spring Security's filter chain (order -100), whose CSRF check reads the form
@Order(-101)
class OversizedPhotos extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedPhotos.class);

    /** The query parameter value ({@code ?photo=too-large}) that makes the form page show {@link #MESSAGE}. */
    static final String REFUSED = "too-large";

    static final String MESSAGE =
            "The photo is larger than 10 MB. Choose one of at most 10 MB, or save it again at a lower quality.";

    private static final Set<String> FORMS = Set.of("/generate", "/compare");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || !FORMS.contains(request.getServletPath())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IllegalArgumentException e) {
            if (tooLarge(e)) {
                log.debug("A form sent to {} had a photo over the upload limit: {}", request.getServletPath(), e);
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", request.getServletPath() + "?photo=" + REFUSED);
                return;
            }
            // anything else broken about the form is for the usual handling to answer
        }
        chain.doFilter(request, response);
    }

    /** Whether Tomcat refused the body for its size (its FileUpload size exceptions), whatever wraps them. */
    private static boolean tooLarge(@Nullable Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Size")) {
                return true;
            }
        }
        return false;
    }
}
