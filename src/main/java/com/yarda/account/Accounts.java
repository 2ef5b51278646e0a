package com.yarda.account;

import com.yarda.account.AccountProblems.AccountSuspended;
import com.yarda.account.AccountProblems.EmailTaken;
import com.yarda.account.AccountProblems.InvalidCredentials;
import com.yarda.account.AccountProblems.InvalidToken;
import com.yarda.account.AccountProblems.TokenExpired;
import com.yarda.credits.Balance;
import com.yarda.credits.Credits;
import com.yarda.mail.Mailer;
import com.yarda.platform.AccessTokens;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.KnownUsers;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.RateLimited;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account journey: register, verify the email, log in, log out everywhere. Password hashing (deliberately slow)
 * always happens outside database transactions; each change is one short transaction. Every token and session carries
 * the user's token epoch, and {@link #current} is asked on every authenticated request.
 */
@Service
public class Accounts implements KnownUsers {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Users users;
    private final VerificationTokens tokens;
    private final LoginAttempts attempts;
    private final AddressRegistrations registrations;
    private final TrialClaims trialClaims;
    private final Credits credits;
    private final Mailer mailer;
    private final AccountEmails emails;
    private final PasswordRules passwordRules;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final AccountRemoval removal;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;
    private final AccountProperties properties;
    // compared against when the email is unknown, so that both failures take the same time
    private final String unknownUserHash;

    Accounts(
            Users users,
            VerificationTokens tokens,
            LoginAttempts attempts,
            AddressRegistrations registrations,
            TrialClaims trialClaims,
            Credits credits,
            Mailer mailer,
            AccountEmails emails,
            PasswordRules passwordRules,
            PasswordEncoder passwords,
            AccessTokens accessTokens,
            AccountRemoval removal,
            PlatformTransactionManager transactions,
            Clock clock,
            AccountProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.attempts = attempts;
        this.registrations = registrations;
        this.trialClaims = trialClaims;
        this.credits = credits;
        this.mailer = mailer;
        this.emails = emails;
        this.passwordRules = passwordRules;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.removal = removal;
        this.transaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates an unverified user and queues the verification email, all in one transaction. The email must be a
     * valid address (it is trimmed and lower-cased), the password one that {@link PasswordRules} accept. At most
     * {@code yarda.account.registrations-per-address} accounts are created from one client address per
     * {@code yarda.account.registration-window}. The trial credits go to the first account of a mailbox only
     * ({@link Mailboxes}; also after that account was deleted); any later one starts with none and a notice saying so.
     *
     * @param clientAddress where the request came from ({@code getRemoteAddr()})
     * @throws ValidationFailed naming each broken rule
     * @throws RateLimited when too many accounts were created from {@code clientAddress} within the window
     * @throws EmailTaken when an account with this email exists (also when two registrations race)
     */
    public Registration register(@Nullable String rawEmail, @Nullable String password, String clientAddress) {
        List<FieldProblem> problems = registrationProblems(rawEmail, password);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        String email = EmailAddresses.normalize(rawEmail);
        String address = ClientAddresses.key(clientAddress);
        // refused before the (deliberately slow) password hash: a client over its limit costs almost nothing
        registrations.requireRoom(address, now());
        if (users.findByEmail(email).isPresent()) {
            throw new EmailTaken();
        }
        String hash = passwords.encode(password);
        Instant now = now();
        UserRow row = new UserRow(UUID.randomUUID(), email, hash, now);
        Registration registration;
        try {
            registration = transaction.execute(status -> {
                registrations.record(address, now);
                users.insert(row, now);
                boolean firstOfMailbox = trialClaims.claim(email, now);
                Balance balance =
                        firstOfMailbox ? credits.openAccount(row.id()) : credits.openAccountWithoutTrial(row.id());
                sendVerification(row.id(), email, now);
                return new Registration(view(row, balance), firstOfMailbox ? null : Registration.NO_TRIAL);
            });
        } catch (DuplicateKeyException raced) {
            throw new EmailTaken();
        }
        log.info(
                "Registered user {}{}",
                row.id(),
                registration.notice() == null ? "" : " without trial credits: their mailbox had them already");
        return registration;
    }

    /** The rules a registration must meet, each broken one named by its field; empty when all are met. */
    public List<FieldProblem> registrationProblems(@Nullable String rawEmail, @Nullable String password) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean validEmail = EmailAddresses.isValid(rawEmail);
        if (!validEmail) {
            problems.add(new FieldProblem("email", "must be a valid email address"));
        }
        problems.addAll(passwordRules.problems("password", password, validEmail ? rawEmail : null));
        return problems;
    }

    /**
     * Verifies the email of the token's user. A token works once and for {@code yarda.account.verification-ttl}.
     *
     * @throws InvalidToken when the token is unknown, replaced by a newer one, or used
     * @throws TokenExpired when the token is too old
     */
    public void verifyEmail(String token) {
        Instant now = now();
        UUID userId = transaction.execute(status -> {
            VerificationTokens.Stored stored = tokens.findForUpdate(token).orElseThrow(InvalidToken::new);
            if (stored.usedAt() != null) {
                throw new InvalidToken();
            }
            if (!now.isBefore(stored.expiresAt())) {
                throw new TokenExpired();
            }
            tokens.markUsed(token, now);
            users.markVerified(stored.userId(), now);
            return stored.userId();
        });
        log.info("User {} verified their email", userId);
    }

    /**
     * Sends a new verification link (invalidating the previous one) when the address belongs to an unverified
     * user and no email went to it within {@code yarda.account.resend-cooldown}. Says nothing about whether it did.
     */
    public void resendVerification(String rawEmail) {
        if (!EmailAddresses.isValid(rawEmail)) {
            throw new ValidationFailed("email", "must be a valid email address");
        }
        String email = EmailAddresses.normalize(rawEmail);
        Instant now = now();
        transaction.executeWithoutResult(
                status -> users.claimVerificationResend(email, now, now.minus(properties.resendCooldown()))
                        .ifPresent(userId -> {
                            sendVerification(userId, email, now);
                            log.info("Queued a new verification email for user {}", userId);
                        }));
    }

    /**
     * Checks the password and issues an access token. Unverified users may log in, suspended ones may not.
     *
     * @param clientAddress where the request came from ({@code getRemoteAddr()}): failures are counted per account
     *     and client address, and per client address
     * @throws InvalidCredentials for a wrong password and an unknown email alike
     * @throws RateLimited after {@code yarda.account.max-failed-logins} failures at this account from this client
     *     address within the window, or {@code yarda.account.max-failed-logins-per-client} at any account
     * @throws AccountSuspended for the right password of a suspended account
     */
    public Login login(String rawEmail, String password, String clientAddress) {
        Authenticated authenticated = authenticate(rawEmail, password, clientAddress);
        return login(authenticated.user(), authenticated.tokenEpoch());
    }

    /** A fresh access token of {@code user} at token epoch {@code epoch}. */
    Login login(User user, long epoch) {
        AccessTokens.IssuedToken token = accessTokens.issue(user.id(), epoch);
        return new Login(token.value(), "bearer", token.expiresInSeconds(), user);
    }

    /**
     * Checks an email and password, with the same throttling and the same answers as {@link #login}; the web app
     * uses it to start a session, which keeps the token epoch read here.
     */
    public Authenticated authenticate(String rawEmail, String password, String clientAddress) {
        UserRow row = check(rawEmail, password, clientAddress);
        if (row.suspended()) {
            log.info("Refused a login of suspended user {}", row.id());
            throw new AccountSuspended();
        }
        log.debug("User {} logged in", row.id());
        return new Authenticated(view(row), row.tokenEpoch());
    }

    /** The user whose password {@code password} is, with the throttling of logins; suspended or not. */
    UserRow check(String rawEmail, String password, String clientAddress) {
        if (rawEmail.indexOf('\0') >= 0 || !PasswordRules.wellFormed(password)) {
            // no account can have such an email or password; answered like any other wrong guess
            throw new InvalidCredentials();
        }
        String email = EmailAddresses.normalize(rawEmail);
        Duration window = properties.failedLoginWindow();
        int max = properties.maxFailedLogins();
        String client = ClientAddresses.key(clientAddress);
        Optional<Duration> wait = separateTransaction.execute(
                status -> attempts.reserve(email, client, now(), window, max, properties.maxFailedLoginsPerClient()));
        if (wait != null && wait.isPresent()) {
            throw new RateLimited("Too many failed logins. Wait before trying again.", wait.get(), max, 0);
        }
        Optional<UserRow> user = users.findByEmail(email);
        boolean matches =
                passwords.matches(password, user.map(UserRow::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !matches) {
            user.ifPresent(u -> log.info("Failed login for user {}", u.id()));
            throw new InvalidCredentials();
        }
        attempts.clear(email, client);
        return user.get();
    }

    /**
     * Deletes the account of {@code id} and everything of it: designs, photos, images, credits, purchases, all in
     * one transaction ({@link AccountDeleting} lets the features that keep images remove them once it is
     * committed). The password is asked again, and checked with the same throttling as a login.
     *
     * @throws InvalidCredentials when {@code password} is not the account's
     * @throws RateLimited after too many wrong passwords
     * @throws com.yarda.platform.ProblemException 409 while a design of the account is still being drawn
     */
    public void delete(UUID id, String password, String clientAddress) {
        String email =
                users.findById(id).orElseThrow(() -> new NotFound("The user")).email();
        check(email, password, clientAddress);
        removal.remove(id);
        log.info("Deleted account {} with all its data", id);
    }

    /**
     * Ends every bearer token and browser session of user {@code id}, on every instance, from their next request on:
     * the token epoch rises. Pending changes of email go with them.
     *
     * @throws NotFound when there is no such user
     */
    public void logOutEverywhere(UUID id) {
        users.raiseEpoch(id).orElseThrow(() -> new NotFound("The user"));
        log.info("User {} logged out everywhere", id);
    }

    @Override
    public boolean exists(UUID id) {
        return users.exists(id);
    }

    @Override
    public boolean current(UUID id, long epoch) {
        return users.current(id, epoch);
    }

    /** The user with their current balances. */
    public User user(UUID id) {
        return view(users.findById(id).orElseThrow(() -> new NotFound("The user")));
    }

    /**
     * Users whose email contains {@code emailFragment} (case-insensitive; every user when blank), newest first, with
     * their balances. For operators.
     */
    public Page<User> search(String emailFragment, int limit, long offset) {
        String fragment = emailFragment.trim().toLowerCase(Locale.ROOT);
        List<User> items =
                users.search(fragment, limit, offset).stream().map(this::view).toList();
        return new Page<>(items, users.countMatching(fragment), limit, offset);
    }

    /** The email address of user {@code id}, empty when there is no such user. */
    public Optional<String> email(UUID id) {
        return users.findById(id).map(UserRow::email);
    }

    /**
     * The email address of user {@code id} when they have proven to own it by verifying it; empty for an unverified
     * or unknown user. Whatever an address entitles its owner to (admin rights) asks this, not {@link #email}.
     */
    public Optional<String> verifiedEmail(UUID id) {
        return users.findById(id).filter(UserRow::verified).map(UserRow::email);
    }

    /** When user {@code id} verified their email; empty while it is unverified, and for an unknown user. */
    public Optional<Instant> emailVerifiedAt(UUID id) {
        return users.findById(id).map(UserRow::emailVerifiedAt);
    }

    /** Whether {@code id} has verified their email; verified-only features ask this. */
    public boolean isVerified(UUID id) {
        return users.verified(id);
    }

    /** @throws EmailNotVerified unless {@code id} has verified their email */
    public void requireVerified(UUID id) {
        if (!isVerified(id)) {
            throw new EmailNotVerified();
        }
    }

    public record Login(String accessToken, String tokenType, long expiresIn, User user) {}

    /**
     * A user whose password was just checked.
     *
     * @param tokenEpoch their token epoch as the check read it: a session started now keeps it
     */
    public record Authenticated(User user, long tokenEpoch) {}

    private void sendVerification(UUID userId, String email, Instant now) {
        String token = tokens.issue(userId, now, now.plus(properties.verificationTtl()));
        emails.verification(email, token, properties.verificationTtl());
    }

    private User view(UserRow row) {
        return view(row, credits.balance(row.id()));
    }

    private static User view(UserRow row, @Nullable Balance balance) {
        Balance b = balance == null ? new Balance(0, 0, 0) : balance;
        return new User(
                row.id(),
                row.email(),
                row.verified(),
                b.trialCredits(),
                b.tokenBalance(),
                b.totalAvailable(),
                row.createdAt());
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
