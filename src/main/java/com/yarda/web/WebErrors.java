package com.yarda.web;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.DatabaseFailures;
import com.yarda.platform.KnownUsers;
import com.yarda.platform.NotFound;
import com.yarda.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Failures of browser pages become friendly pages, never problem+json or a stack trace. */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final KnownUsers knownUsers;

    WebErrors(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    /**
     * An address whose path names nothing that can exist ({@code /generations/not-a-uuid}) is a page that does not
     * exist; a query parameter of the wrong type ({@code /history?page=abc}) is a bad request. Neither is our fault.
     */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView wrongType(TypeMismatchException e) {
        boolean inPath = e instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class);
        return page(inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    /** Operator pages answer non-admins like pages that do not exist; other refusals get their own status. */
    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException problem) {
        return page(problem.status());
    }

    /** A session whose account was deleted meanwhile: it is ended, and the browser sent to the login page. */
    @ExceptionHandler(AuthenticationException.class)
    ModelAndView sessionEnded(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return new ModelAndView("redirect:/login");
    }

    /**
     * A page request whose account was deleted (from another device) while it ran: what it writes can no longer
     * refer to the user. The session ends as it would on the next page; any other such failure is a bug.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrityViolation(DataIntegrityViolationException e, HttpServletRequest request) {
        Object principal = SecurityContextHolder.getContext().getAuthentication() == null
                ? null
                : SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (principal instanceof CurrentUser user && !knownUsers.exists(user.id())) {
            log.info("A page request of user {} ended: the account was deleted while it ran", user.id());
            return sessionEnded(request);
        }
        return unexpected(e);
    }

    /** The browser went away (a closed tab, a cancelled image): there is nobody to answer. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, ClientAbortException.class})
    void gone() {}

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (DatabaseFailures.unreachable(e)) {
            log.warn("Page request failed because the database is unreachable: {}", e.getMessage());
            return page(HttpStatus.SERVICE_UNAVAILABLE);
        }
        // Spring MVC's own refusals of a request (a missing parameter, a wrong method or media type): the client's
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            log.debug("Page request refused: {}", e.getMessage());
            return page(HttpStatus.valueOf(refusal.getStatusCode().value()));
        }
        log.error("Unexpected failure while rendering a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("reason", status.getReasonPhrase());
        return page;
    }
}
