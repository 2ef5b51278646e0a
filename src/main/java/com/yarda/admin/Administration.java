package com.yarda.admin;

import com.yarda.account.Accounts;
import com.yarda.account.Suspensions;
import com.yarda.account.Suspensions.Suspension;
import com.yarda.account.User;
import com.yarda.billing.Purchases;
import com.yarda.credits.Balance;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.generation.FailedGeneration;
import com.yarda.generation.GenerationReports;
import com.yarda.generation.GenerationStats;
import com.yarda.generation.Generations;
import com.yarda.platform.NotFound;
import com.yarda.platform.Page;
import com.yarda.platform.Timestamps;
import com.yarda.platform.ValidationFailed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators can see and do. Every method takes the id of the user asking and first checks that they are an
 * admin ({@code yarda.admin.emails}, verified); anyone else gets {@link NotAnAdmin}, a 404 like an address that does not
 * exist. Every change is recorded in the audit log in the transaction that makes it.
 */
@Service
public class Administration {

    private static final Logger log = LoggerFactory.getLogger(Administration.class);
    static final int DETAIL_ROWS = 50;
    static final int MAX_REASON = 500;

    private final AdminProperties properties;
    private final Accounts accounts;
    private final Suspensions suspensions;
    private final Credits credits;
    private final Purchases purchases;
    private final Generations generations;
    private final GenerationReports reports;
    private final AuditLog auditLog;
    private final Clock clock;

    Administration(
            AdminProperties properties,
            Accounts accounts,
            Suspensions suspensions,
            Credits credits,
            Purchases purchases,
            Generations generations,
            GenerationReports reports,
            AuditLog auditLog,
            Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.credits = credits;
        this.purchases = purchases;
        this.generations = generations;
        this.reports = reports;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Whether {@code userId} is an admin: their current email is one of {@code yarda.admin.emails} and they have
     * verified it. Anyone can register a listed address before its owner does (on a fresh deployment, say); only the
     * verification link proves they read its mail.
     */
    public boolean isAdmin(UUID userId) {
        return adminEmail(userId).isPresent();
    }

    /** Users whose email contains {@code emailFragment} (every user when blank), newest first. */
    public Page<User> users(UUID adminId, String emailFragment, int limit, long offset) {
        requireAdmin(adminId);
        return accounts.search(emailFragment, limit, offset);
    }

    /** One user with their balances and the newest entries of their ledger, purchases and generations. */
    public UserDetail user(UUID adminId, UUID userId) {
        requireAdmin(adminId);
        return new UserDetail(
                accounts.user(userId),
                suspensions.of(userId).orElse(null),
                credits.transactions(userId, DETAIL_ROWS, 0),
                purchases.history(userId, DETAIL_ROWS, 0),
                generations.history(userId, null, DETAIL_ROWS, 0),
                auditPage(userId, DETAIL_ROWS, 0));
    }

    /**
     * Grants ({@code amount > 0}) or deducts ({@code amount < 0}) credits of one type, recorded in the ledger as an
     * {@code adjustment} and in the audit log with {@code reason}, in one transaction.
     *
     * @throws ValidationFailed for a zero amount, a blank or overlong reason, or a deduction below zero; nothing
     *     changes
     * @throws NotFound when there is no such user
     */
    @Transactional
    public Adjustment adjust(UUID adminId, UUID userId, CreditType type, int amount, String reason) {
        String adminEmail = requireAdmin(adminId);
        if (amount == 0) {
            throw new ValidationFailed("amount", "must not be 0: grant with a positive amount, deduct with a negative");
        }
        String why = requireReason(reason);
        if (accounts.email(userId).isEmpty()) {
            throw new NotFound("The user");
        }
        Balance balance = credits.adjust(userId, type, amount);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("credit_type", type.value());
        details.put("amount", amount);
        details.put("balance_after", type == CreditType.TRIAL ? balance.trialCredits() : balance.tokenBalance());
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID(),
                adminId,
                adminEmail,
                "credit_adjustment",
                userId,
                why,
                details,
                Timestamps.truncate(clock.instant()));
        auditLog.append(entry);
        log.info("Admin {} adjusted the {} credits of user {} by {}", adminId, type.value(), userId, amount);
        return new Adjustment(balance, entry);
    }

    /**
     * Suspends an account, with the reason for it, recorded in the audit log in the same transaction: it can no longer
     * log in, and every token and session of it ends at once. Its designs already queued are drawn as usual.
     *
     * @throws ValidationFailed for a blank or overlong reason; nothing changes
     * @throws NotFound when there is no such user
     * @throws CannotSuspendYourself when the admin names their own account
     * @throws com.yarda.platform.ProblemException 409 {@code already_suspended}
     */
    @Transactional
    public SuspensionChange suspend(UUID adminId, UUID userId, String reason) {
        String adminEmail = requireAdmin(adminId);
        String why = requireReason(reason);
        if (adminId.equals(userId)) {
            throw new CannotSuspendYourself();
        }
        Suspension suspension = suspensions.suspend(userId, why);
        AuditEntry entry = audited(adminId, adminEmail, "account_suspension", userId, why);
        log.info("Admin {} suspended user {}", adminId, userId);
        return new SuspensionChange(userId, true, suspension.suspendedAt(), entry);
    }

    /**
     * Lets a suspended account log in again, with the reason for it, recorded in the audit log in the same
     * transaction. Tokens and sessions that the suspension ended stay ended.
     *
     * @throws ValidationFailed for a blank or overlong reason; nothing changes
     * @throws NotFound when there is no such user
     * @throws com.yarda.platform.ProblemException 409 {@code not_suspended}
     */
    @Transactional
    public SuspensionChange reactivate(UUID adminId, UUID userId, String reason) {
        String adminEmail = requireAdmin(adminId);
        String why = requireReason(reason);
        suspensions.reactivate(userId);
        AuditEntry entry = audited(adminId, adminEmail, "account_reactivation", userId, why);
        log.info("Admin {} reactivated user {}", adminId, userId);
        return new SuspensionChange(userId, false, null, entry);
    }

    private AuditEntry audited(UUID adminId, String adminEmail, String action, UUID userId, String reason) {
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID(),
                adminId,
                adminEmail,
                action,
                userId,
                reason,
                Map.of(),
                Timestamps.truncate(clock.instant()));
        auditLog.append(entry);
        return entry;
    }

    private static String requireReason(String reason) {
        String why = reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new ValidationFailed("reason", "must say why, in 1 to " + MAX_REASON + " characters");
        }
        return why;
    }

    /** Failed generations of every user, most recently finished first, with their errors. */
    public Page<FailedGeneration> failedGenerations(UUID adminId, int limit, long offset) {
        requireAdmin(adminId);
        return reports.failed(limit, offset);
    }

    /** The generation queue's depth and the designer's failure rate over the last hour and day. */
    public GenerationStats stats(UUID adminId) {
        requireAdmin(adminId);
        return reports.stats();
    }

    /** The audit log, newest first; only the changes to {@code targetUserId} when it is given. */
    public Page<AuditEntry> audit(UUID adminId, @Nullable UUID targetUserId, int limit, long offset) {
        requireAdmin(adminId);
        return auditPage(targetUserId, limit, offset);
    }

    private Page<AuditEntry> auditPage(@Nullable UUID targetUserId, int limit, long offset) {
        return new Page<>(auditLog.entries(targetUserId, limit, offset), auditLog.count(targetUserId), limit, offset);
    }

    /** @return the admin's email, for the audit log */
    private String requireAdmin(UUID userId) {
        return adminEmail(userId).orElseThrow(NotAnAdmin::new);
    }

    private Optional<String> adminEmail(UUID userId) {
        return accounts.verifiedEmail(userId).filter(properties::isAdmin);
    }
}
