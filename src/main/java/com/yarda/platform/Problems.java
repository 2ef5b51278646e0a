package com.yarda.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem bodies of API.md: RFC 9457 members plus a stable machine code in {@code error}. */
public final class Problems {

    /** The detail of every 404 for an address that does not exist (or that the caller may not know of). */
    static final String NOTHING_HERE = "There is nothing at this address.";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemException.type(code));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("error", code);
        return problem;
    }

    /** Writes {@code problem} as the whole answer, where no message converter is at hand (filters, error pages). */
    static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The default code for a status when nothing more specific is known. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status.is4xxClientError() ? "bad_request" : "internal";
        };
    }
}
