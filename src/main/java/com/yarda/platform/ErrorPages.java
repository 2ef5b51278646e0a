package com.yarda.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside Spring MVC (the servlet container rejecting a request, a filter failing) end up
 * here; they get the same problem+json shape, never a stack trace or a Whitelabel page.
 */
@RestController
class ErrorPages implements ErrorController {

    /** Browsers get the error page of the web app. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        return new ModelAndView("error", Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side."
                : status == HttpStatus.NOT_FOUND ? "There is nothing at this address." : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, Problems.codeFor(status), detail));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
