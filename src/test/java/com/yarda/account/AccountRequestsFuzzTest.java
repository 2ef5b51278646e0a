package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies of the account endpoints, parsed and validated as the service does it: any body either parses into
 * the request record (then Bean Validation judges it: 422) or fails as malformed JSON (400). Any other exception would
 * be a 500 for bad input. The email rule must only ever accept what the {@code users_email_normalized} CHECK of the
 * database accepts, or registration would fail with a constraint violation (500) instead of a 422. Runs the committed
 * corpus ({@code AccountRequestsFuzzTestInputs/…}) in every build; {@code JAZZER_FUZZ=1} fuzzes for new inputs.
 */
class AccountRequestsFuzzTest {

    // the application's JSON settings (spring.jackson.* in application.yaml)
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @FuzzTest(maxDuration = "5m")
    void requestBodies(byte[] body) {
        for (Class<?> type : new Class<?>[] {
            AccountController.RegisterRequest.class,
            AccountController.LoginRequest.class,
            AccountController.VerifyEmailRequest.class,
            AccountController.ResendRequest.class
        }) {
            Object request;
            try {
                request = JSON.readValue(body, type);
            } catch (JacksonException malformed) {
                continue; // 400 malformed_request
            }
            if (request == null) {
                continue; // a JSON null body: 400 as well
            }
            boolean valid = VALIDATOR.validate(request).isEmpty();
            // registration's rules live in Accounts.registrationProblems: whatever passes them must be storable
            if (valid
                    && request instanceof AccountController.RegisterRequest register
                    && EmailAddresses.isValid(register.email())) {
                assertStorable(EmailAddresses.normalize(register.email()));
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void emailAddresses(byte[] raw) {
        String email = new String(raw, StandardCharsets.UTF_8);
        if (EmailAddresses.isValid(email)) {
            String normalized = EmailAddresses.normalize(email);
            assertStorable(normalized);
            assertThat(EmailAddresses.normalize(normalized)).isEqualTo(normalized);
            assertThat(EmailAddresses.isValid(normalized)).isTrue();
        }
    }

    /** What users_email_normalized accepts: email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254. */
    private static void assertStorable(String email) {
        assertThat(email.length()).isBetween(3, 254);
        // printable ASCII without spaces or upper case: PostgreSQL's lower() and btrim() leave it as it is
        assertThat(email.chars().allMatch(c -> c > ' ' && c < 127 && !(c >= 'A' && c <= 'Z')))
                .as("normalized email %s", email)
                .isTrue();
    }
}
