package com.yarda.platform;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain failure with a meaning the client can act on. Each subclass names one {@code error} code of API.md;
 * {@link ProblemHandler} turns it into {@code application/problem+json}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    protected ProblemException(HttpStatus status, String code, String title, String detail) {
        // Expected outcomes, not bugs: no stack trace to fill or log.
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem body, beside {@code error}. */
    protected Map<String, Object> properties() {
        return Map.of();
    }

    /** Extra response headers, such as {@code Retry-After}. */
    protected HttpHeaders headers() {
        return new HttpHeaders();
    }

    ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(status, code, getMessage());
        problem.setTitle(title);
        properties().forEach(problem::setProperty);
        return problem;
    }

    HttpHeaders responseHeaders() {
        return headers();
    }

    static URI type(String code) {
        return URI.create("/problems/" + code.replace('_', '-'));
    }
}
