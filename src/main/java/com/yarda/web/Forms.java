package com.yarda.web;

import com.yarda.platform.FieldProblem;
import com.yarda.platform.ValidationFailed;
import org.springframework.validation.BindingResult;

/** Puts the facades' rule violations next to the form fields they concern. */
final class Forms {

    private Forms() {}

    static void reject(BindingResult result, ValidationFailed failure) {
        for (FieldProblem problem : failure.errors()) {
            String field = camelCase(problem.field());
            String message = capitalise(problem.message());
            if (result.getFieldType(field) != null) {
                result.rejectValue(field, problem.field(), message);
            } else {
                result.reject(problem.field(), message);
            }
        }
    }

    static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static String camelCase(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
