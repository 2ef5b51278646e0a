package com.yarda.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become {@code application/problem+json}. Bad input is always a 4xx that names
 * the rule; an unreachable database is 503; anything else is a logged 500 {@code internal} with no details.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ObjectProvider<KnownUsers> knownUsers;

    ProblemHandler(ObjectProvider<KnownUsers> knownUsers) {
        this.knownUsers = knownUsers;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.status()).headers(e.responseHeaders()).body(e.toProblemDetail());
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Request failed because the database is unreachable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The service cannot reach its database right now; nothing was changed. Try again shortly."));
    }

    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e) {
        // When the database goes away during a transaction, a statement or the commit fails, and then the rollback
        // on the connection the pool has already closed. This is the database being unreachable (503), not a bug.
        Throwable failure = e.getApplicationException();
        if ((failure != null && DatabaseFailures.unreachable(failure)) || DatabaseFailures.unreachable(e)) {
            return databaseUnavailable(e);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        // A query or path parameter of the wrong type breaks a field rule, like an out-of-range number.
        String field = snakeCase(e.getName());
        return problem(new ValidationFailed(field, "must be a valid " + typeName(e.getRequiredType())));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        // A body declared multipart that does not parse (no or empty boundary, broken parts) is the client's error.
        // Too large an upload is MaxUploadSizeExceededException, more specific, answered 413 by the superclass.
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed_request",
                        "The request body is not valid multipart/form-data."));
    }

    @ExceptionHandler({RequestRejectedException.class, InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unreadableParameters(RuntimeException e) {
        // Form and query parameters are parsed lazily, when a controller first reads them, after the filter chain
        // that would otherwise answer 400: Tomcat then refuses broken percent-encoding (InvalidParameterException)
        // and Spring Security's firewall control characters in a name (RequestRejectedException).
        return ResponseEntity.badRequest()
                .body(
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "malformed_request",
                                "The request's parameters are not correctly encoded or contain characters that are not allowed."));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        // Spring MVC refuses a body declared "Content-Type: */*" with an IllegalArgumentException
        // (HttpHeaders.setContentType) instead of its usual 415: no such body can be read, so it is the client's.
        if (isWildcard(request.getContentType())) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported_media_type",
                            "The request body must be sent with a concrete Content-Type, such as application/json."));
        }
        return unexpected(e);
    }

    private static boolean isWildcard(@Nullable String contentType) {
        try {
            return contentType != null && MediaType.parseMediaType(contentType).isWildcardType();
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    /**
     * A request whose account was deleted while it ran: what it writes can no longer refer to the user (a foreign
     * key violation), and it is answered like any request of a deleted account, 401. Any other violation of a
     * database rule is a bug.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrityViolation(DataIntegrityViolationException e) {
        CurrentUser user = CurrentUserResolver.currentUser(
                SecurityContextHolder.getContext().getAuthentication());
        if (user != null && !knownUsers.getObject().exists(user.id())) {
            log.info("A request of user {} ended: the account was deleted while it ran", user.id());
            return unauthenticated(new InsufficientAuthenticationException("The account was deleted"));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationFailed(fieldProblems(ex.getBindingResult()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
                problems.add(new FieldProblem(snakeCase(field == null ? "request" : field), message(error)));
            });
        });
        return validationFailed(problems);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed_request",
                "The request body is not valid JSON of the expected shape.");
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * An address nothing is mapped to: the same answer as an operator address to a non-admin ({@code NotAnAdmin}),
     * so that nobody can tell the two apart, and no "static resource" wording from Spring MVC.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not_found", Problems.NOTHING_HERE));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC's own exceptions (404 route, 405, 415, ...) get the same shape as ours.
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
            String code = Problems.codeFor(statusCode);
            problem.setType(ProblemException.type(code));
            problem.setProperty("error", code);
            problem.setInstance(null);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationFailed(List<FieldProblem> problems) {
        ValidationFailed failure = new ValidationFailed(problems);
        return ResponseEntity.status(failure.status()).body(failure.toProblemDetail());
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        result.getFieldErrors()
                .forEach(error -> problems.add(new FieldProblem(snakeCase(error.getField()), message(error))));
        result.getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(snakeCase(error.getObjectName()), message(error))));
        return problems;
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message == null ? "is invalid" : message;
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return type.isEnum() ? "choice" : type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** JSON field names are snake_case; Java property paths are camelCase. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
