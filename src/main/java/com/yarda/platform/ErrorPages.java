package com.yarda.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that happen outside Spring MVC (the servlet container rejecting a request, a filter failing) end up
 * here; they get the same problem+json shape, never a stack trace or a Whitelabel page. A database that cannot be
 * reached there is a 503 ({@link DatabaseOutageFilter}), as inside Spring MVC.
 */
@Hidden // the servlet container's error dispatch, not an endpoint
@RestController
class ErrorPages implements ErrorController {

    // as ProblemHandler answers a lost database inside Spring MVC
    private static final String RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    ErrorPages(JsonMapper json) {
        this.json = json;
    }

    /** Browsers get the error page of the web app; a request to the API gets problem+json even from a browser. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (ApiRequests.matches(request)) {
            Problems.write(json, response, problem(status));
            return null; // answered
        }
        return new ModelAndView("error", Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
    }

    private static ProblemDetail problem(HttpStatus status) {
        String detail = status == HttpStatus.SERVICE_UNAVAILABLE
                ? "The service cannot reach its database right now. Try again shortly."
                : status.is5xxServerError()
                        ? "Something went wrong on our side."
                        : status == HttpStatus.NOT_FOUND ? Problems.NOTHING_HERE : status.getReasonPhrase();
        return Problems.of(status, Problems.codeFor(status), detail);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
