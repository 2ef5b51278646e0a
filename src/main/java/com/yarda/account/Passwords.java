package com.yarda.account;

import com.yarda.account.AccountProblems.InvalidCredentials;
import com.yarda.account.AccountProblems.InvalidToken;
import com.yarda.account.AccountProblems.TokenExpired;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten and changed passwords. Either way every bearer token and browser session of the user ends (their token
 * epoch rises), pending changes of email are cancelled with them, and the user is told by email. A change made while
 * logged in gets a token at the new epoch, so that the device it was made on stays logged in.
 */
@Service
public class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);
    static final String INVALID_LINK =
            "This link to choose a new password is unknown, was replaced by a newer one, or has already been used."
                    + " Ask for a new one.";
    static final String EXPIRED_LINK = "This link to choose a new password is more than 1 hour old. Ask for a new one.";

    /** What a reset link is, as its page shows it before a new password is chosen. */
    public enum LinkState {
        VALID,
        INVALID,
        EXPIRED
    }

    private final Accounts accounts;
    private final Users users;
    private final PasswordResetTokens resetTokens;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final AccountEmails emails;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Passwords(
            Accounts accounts,
            Users users,
            PasswordResetTokens resetTokens,
            PasswordRules rules,
            PasswordEncoder encoder,
            AccountEmails emails,
            AccountProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.resetTokens = resetTokens;
        this.rules = rules;
        this.encoder = encoder;
        this.emails = emails;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Sends a link to choose a new password to {@code rawEmail} when it is the address of an active account and no
     * such link went to it within {@code yarda.account.resend-cooldown}; a newer link replaces the older. Says nothing
     * about whether it did, and does the same slow work either way (none: no hashing, the email is sent later).
     *
     * @throws ValidationFailed when {@code rawEmail} is not an email address
     */
    public void forgot(String rawEmail) {
        if (!EmailAddresses.isValid(rawEmail)) {
            throw new ValidationFailed("email", "must be a valid email address");
        }
        String email = EmailAddresses.normalize(rawEmail);
        Instant now = now();
        transaction.executeWithoutResult(status -> users.claimPasswordResetEmail(
                        email, now, now.minus(properties.resendCooldown()))
                .ifPresent(userId -> {
                    Instant expires = now.plus(properties.passwordResetTtl());
                    emails.passwordReset(email, resetTokens.issue(userId, now, expires), properties.passwordResetTtl());
                    log.info("Queued a password reset email for user {}", userId);
                }));
    }

    /** Whether {@code token} would open the form to choose a new password; uses nothing. */
    public LinkState linkState(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return LinkState.INVALID;
        }
        return resetTokens
                .find(token)
                .map(stored -> now().isBefore(stored.expiresAt()) ? LinkState.VALID : LinkState.EXPIRED)
                .orElse(LinkState.INVALID);
    }

    /**
     * Sets the new password of the token's user: the token is used up, every token and session of the user ends, and
     * the user is told by email. Following the link proves the mailbox, so an unverified email becomes verified.
     *
     * @throws InvalidToken when the token is unknown, replaced by a newer one, or used
     * @throws TokenExpired when it is older than {@code yarda.account.password-reset-ttl}
     * @throws ValidationFailed when {@code password} breaks a rule of new passwords; the token still works
     */
    public void reset(String token, @Nullable String password) {
        PasswordResetTokens.Stored stored = resetTokens.find(token).orElseThrow(() -> new InvalidToken(INVALID_LINK));
        requireUnexpired(stored);
        UserRow user = users.findById(stored.userId()).orElseThrow(() -> new InvalidToken(INVALID_LINK));
        requireStrong("password", password, user.email());
        String hash = encoder.encode(password);
        transaction.executeWithoutResult(status -> {
            // taken in this transaction: of two resets at once, one finds the token, the other nothing
            PasswordResetTokens.Stored taken =
                    resetTokens.take(token).orElseThrow(() -> new InvalidToken(INVALID_LINK));
            requireUnexpired(taken);
            Instant now = now();
            users.replacePassword(taken.userId(), hash, true, now).orElseThrow(() -> new InvalidToken(INVALID_LINK));
            emails.passwordChanged(user.email(), now, true);
        });
        log.info("User {} chose a new password with a reset link: every token and session of theirs ended", user.id());
    }

    /**
     * Replaces the password of user {@code id} after checking the current one (throttled like a login). Every other
     * token and session of the user ends; the answer is a fresh login for the caller, and the user is told by email.
     *
     * @throws ValidationFailed when {@code newPassword} breaks a rule of new passwords (checked first)
     * @throws InvalidCredentials when {@code currentPassword} is wrong
     * @throws RateLimited after too many wrong passwords, as for logins
     */
    public Changed change(UUID id, String currentPassword, @Nullable String newPassword, String clientAddress) {
        UserRow user = users.findById(id).orElseThrow(() -> new NotFound("The user"));
        requireStrong("new_password", newPassword, user.email());
        accounts.check(user.email(), currentPassword, clientAddress);
        String hash = encoder.encode(newPassword);
        Instant now = now();
        long epoch = transaction.execute(status -> {
            long raised = users.replacePassword(id, hash, false, now).orElseThrow(() -> new NotFound("The user"));
            emails.passwordChanged(user.email(), now, false);
            return raised;
        });
        log.info("User {} changed their password: every other token and session of theirs ended", id);
        return new Changed(accounts.login(accounts.user(id), epoch), epoch);
    }

    /**
     * A changed password.
     *
     * @param login a fresh access token for the caller, at the new epoch
     * @param tokenEpoch the new epoch, which the browser session the change was made in keeps
     */
    public record Changed(Accounts.Login login, long tokenEpoch) {}

    private void requireStrong(String field, @Nullable String password, String email) {
        List<FieldProblem> problems = rules.problems(field, password, email);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
    }

    private void requireUnexpired(PasswordResetTokens.Stored stored) {
        if (!now().isBefore(stored.expiresAt())) {
            throw new TokenExpired(EXPIRED_LINK);
        }
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
