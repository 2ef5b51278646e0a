package com.yarda.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A well-formed request whose fields break a rule that Bean Validation cannot express. */
public class ValidationFailed extends ProblemException {

    private final List<FieldProblem> errors;

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public ValidationFailed(List<FieldProblem> errors) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "validation_failed",
                "Validation failed",
                "The request has fields that break a rule; see errors.");
        this.errors = List.copyOf(errors);
    }

    /** Every broken rule, by JSON field name. */
    public List<FieldProblem> errors() {
        return errors;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
