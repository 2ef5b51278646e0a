package com.yarda.apikey;

import com.yarda.account.Accounts;
import com.yarda.account.EmailNotVerified;
import com.yarda.account.Suspensions;
import com.yarda.apikey.ApiKeyRepository.KeyRow;
import com.yarda.platform.KnownApiKeys;
import com.yarda.platform.NotFound;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's API keys: made (the key shown once), listed, deleted, and found again by the hash of a key a request
 * carries ({@link #holder}, on every such request).
 *
 * <p>A key stands for its user until it is deleted, or the account is (ON DELETE CASCADE). "Log out everywhere" and
 * a password change or reset do not end it: an integration keeps working, and its user revokes a key on its own. A
 * suspension refuses it while it lasts.
 */
@Service
public class ApiKeys implements KnownApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    /** The longest name, in characters (code points: an emoji is one). */
    public static final int NAME_MAX = 100;
    /** A use is recorded at most this often per key, so that a busy key does not write on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ApiKeySecrets secrets;
    private final Accounts accounts;
    private final Suspensions suspensions;
    private final ApiKeyProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApiKeys(
            ApiKeyRepository keys,
            ApiKeySecrets secrets,
            Accounts accounts,
            Suspensions suspensions,
            ApiKeyProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Makes a key for {@code userId}; the answer is the only place the key is ever shown. Checks: a verified email
     * (403), then the name (422), then the number of keys (422).
     *
     * @param name what the user calls it (1 to {@link #NAME_MAX} characters once trimmed, one line)
     * @throws EmailNotVerified unless the user has verified their email: a key is for an account that can design
     * @throws ValidationFailed (field {@code name}) for a name that breaks a rule, or beyond {@code
     *     yarda.api-keys.max-per-user} keys
     */
    public CreatedApiKey create(UUID userId, @Nullable String name) {
        accounts.requireVerified(userId);
        String checked = checkName(name);
        String key = secrets.newKey();
        KeyRow row = new KeyRow(
                UUID.randomUUID(), userId, checked, secrets.hash(key), Timestamps.truncate(clock.instant()), null);
        transaction.executeWithoutResult(status -> {
            if (keys.lockAndCount(userId) >= properties.maxPerUser()) {
                throw new ValidationFailed(
                        "name", "you have " + properties.maxPerUser() + " API keys already; delete one first");
            }
            keys.insert(row);
        });
        log.info("User {} made API key {}", userId, row.id());
        return new CreatedApiKey(row.id(), row.name(), key, row.createdAt());
    }

    /** The keys of {@code userId}, oldest first, without the keys themselves. */
    public List<ApiKey> list(UUID userId) {
        return keys.list(userId).stream().map(KeyRow::toApiKey).toList();
    }

    /**
     * Deletes a key of {@code userId}: from the next request on, on every instance, it is refused (401).
     *
     * @throws NotFound when the user has no such key
     */
    public void delete(UUID userId, UUID id) {
        if (!keys.delete(userId, id)) {
            throw new NotFound("The API key");
        }
        log.info("User {} deleted API key {}", userId, id);
    }

    @Override
    public Optional<Holder> holder(String key) {
        if (!ApiKeySecrets.wellFormed(key)) {
            return Optional.empty();
        }
        Optional<KeyRow> found = keys.findByHash(secrets.hash(key));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeyRow row = found.get();
        boolean suspended = suspensions.of(row.userId()).isPresent();
        if (!suspended) {
            recordUse(row);
        }
        return Optional.of(new Holder(row.id(), row.userId(), suspended));
    }

    /** At most one write per key and {@link #LAST_USED_PRECISION}: none at all while the recorded use is recent. */
    private void recordUse(KeyRow row) {
        Instant now = Timestamps.truncate(clock.instant());
        Instant notBefore = now.minus(LAST_USED_PRECISION);
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(notBefore)) {
            keys.touch(row.id(), now, notBefore);
        }
    }

    /**
     * The name as kept: trimmed, 1 to {@link #NAME_MAX} characters, one line of text (no control characters, no half
     * of a character, which PostgreSQL could not keep faithfully).
     */
    private static String checkName(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < trimmed.length()
                    && Character.isLowSurrogate(trimmed.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationFailed("name", "must be valid text (it holds half of a character)");
            } else if (Character.isISOControl(c)) {
                throw new ValidationFailed("name", "must be one line, without control characters");
            }
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0) {
            throw new ValidationFailed("name", "is required (1 to " + NAME_MAX + " characters)");
        }
        if (length > NAME_MAX) {
            throw new ValidationFailed("name", "must be at most " + NAME_MAX + " characters");
        }
        return trimmed;
    }
}
