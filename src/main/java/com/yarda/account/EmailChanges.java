package com.yarda.account;

import com.yarda.account.AccountProblems.EmailTaken;
import com.yarda.account.AccountProblems.InvalidCredentials;
import com.yarda.account.AccountProblems.InvalidToken;
import com.yarda.account.AccountProblems.TokenExpired;
import com.yarda.platform.NotFound;
import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the email address of an account. The new address gets a link, and the change happens only when it is
 * followed (which also verifies the address); the old address is told at once and keeps working until then. The
 * link holds for {@code yarda.account.verification-ttl}, once, and only while the user's token epoch is the one it was
 * asked under: a password change or reset, "log out everywhere" or a suspension cancels it. A change never grants
 * trial credits: they belong to the mailbox that claimed them at registration ({@link Mailboxes}), and the account
 * keeps its balance as it is.
 */
@Service
public class EmailChanges {

    private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);
    static final String INVALID_LINK = "This link to confirm a new email address is unknown, was replaced by a newer"
            + " one, has already been used, or was cancelled by a change of password. Ask for the change again.";
    static final String EXPIRED_LINK =
            "This link to confirm a new email address is more than 1 hour old. Ask for the change again.";

    private final Accounts accounts;
    private final Users users;
    private final EmailChangeRequests requests;
    private final AccountEmails emails;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EmailChanges(
            Accounts accounts,
            Users users,
            EmailChangeRequests requests,
            AccountEmails emails,
            AccountProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.requests = requests;
        this.emails = emails;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Asks to move user {@code id} to {@code rawNewEmail}, after checking their password (throttled like a login):
     * sends the confirmation link to the new address and a notice to the current one. A newer request replaces an
     * older one.
     *
     * @throws ValidationFailed when {@code rawNewEmail} is not an email address, or is the current one
     * @throws InvalidCredentials when {@code password} is wrong
     * @throws RateLimited after too many wrong passwords, as for logins
     * @throws EmailTaken when another account has the new address
     */
    public void request(UUID id, String password, @Nullable String rawNewEmail, String clientAddress) {
        if (!EmailAddresses.isValid(rawNewEmail)) {
            throw new ValidationFailed("new_email", "must be a valid email address");
        }
        String newEmail = EmailAddresses.normalize(rawNewEmail);
        UserRow user = users.findById(id).orElseThrow(() -> new NotFound("The user"));
        UserRow checked = accounts.check(user.email(), password, clientAddress);
        if (newEmail.equals(checked.email())) {
            throw new ValidationFailed("new_email", "is your email address already");
        }
        if (users.findByEmail(newEmail).isPresent()) {
            throw new EmailTaken();
        }
        Instant now = now();
        transaction.executeWithoutResult(status -> {
            // the epoch as it is now, under the row lock: a change of password committed meanwhile is seen
            UserRow locked = users.findByIdForUpdate(id).orElseThrow(() -> new NotFound("The user"));
            String token =
                    requests.request(id, newEmail, locked.tokenEpoch(), now, now.plus(properties.verificationTtl()));
            emails.emailChangeConfirmation(newEmail, token, properties.verificationTtl());
            emails.emailChangeNotice(locked.email(), newEmail, properties.verificationTtl());
        });
        log.info("User {} asked to change their email; the link is on its way to the new address", id);
    }

    /** The address {@code token} would move its account to, while the link still works. */
    public Optional<String> pending(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = now();
        return requests.find(token)
                .filter(change -> now.isBefore(change.expiresAt()))
                .filter(change -> users.findById(change.userId())
                        .map(user -> user.tokenEpoch() == change.tokenEpoch())
                        .orElse(false))
                .map(EmailChangeRequests.Pending::newEmail);
    }

    /**
     * Makes the change the token asks for: the account's email becomes the new, verified, address. Logins and
     * sessions go on as they were.
     *
     * @return the new address
     * @throws InvalidToken when the token is unknown, replaced, used, or cancelled (the user's token epoch moved on)
     * @throws TokenExpired when it is older than {@code yarda.account.verification-ttl}
     * @throws EmailTaken when another account has taken the address meanwhile; the link stays usable
     */
    public String confirm(String token) {
        Instant now = now();
        EmailChangeRequests.Pending change;
        try {
            change = transaction.execute(status -> {
                EmailChangeRequests.Pending taken =
                        requests.take(token).orElseThrow(() -> new InvalidToken(INVALID_LINK));
                if (!now.isBefore(taken.expiresAt())) {
                    throw new TokenExpired(EXPIRED_LINK);
                }
                if (!users.changeEmail(taken.userId(), taken.tokenEpoch(), taken.newEmail(), now)) {
                    // committed: a cancelled link is gone for good
                    return null;
                }
                return taken;
            });
        } catch (DuplicateKeyException raced) {
            throw new EmailTaken();
        }
        if (change == null) {
            throw new InvalidToken(INVALID_LINK);
        }
        log.info("User {} confirmed their new email address", change.userId());
        return change.newEmail();
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
