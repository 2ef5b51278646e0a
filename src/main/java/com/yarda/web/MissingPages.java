package com.yarda.web;

import com.yarda.platform.ApiRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for an address that does not exist gets the 404 page. The API is not a browser's: its unknown
 * addresses answer problem+json whatever {@code Accept} says, even the {@code *}{@code /*} that HTML would satisfy.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

    @ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView notFound(NoResourceFoundException missing, HttpServletRequest request)
            throws NoResourceFoundException {
        if (ApiRequests.matches(request)) {
            // Thrown again, it goes on to the next exception resolver as if this method did not exist: a 404 that
            // the error dispatch (platform's ErrorPages) answers with problem+json.
            throw missing;
        }
        return WebErrors.page(HttpStatus.NOT_FOUND);
    }
}
