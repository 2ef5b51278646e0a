package com.yarda.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account settings ({@code yarda.account.*}).
 *
 * @param verificationTtl how long an email verification link stays valid
 * @param resendCooldown at most one verification email, and one password reset email, per address in this period
 * @param passwordResetTtl how long a link to choose a new password stays valid
 * @param maxFailedLogins failed logins at one account from one client address allowed within
 *     {@code failedLoginWindow}; more get 429 (from that address only: the owner elsewhere is not locked out)
 * @param maxFailedLoginsPerClient failed logins at any accounts from one client address allowed within
 *     {@code failedLoginWindow}; more get 429
 * @param failedLoginWindow the sliding window failed logins are counted in
 * @param registrationsPerAddress accounts that may be created from one client address within
 *     {@code registrationWindow}; more get 429
 * @param registrationWindow the sliding window registrations per address are counted in
 * @param unverifiedRetention an account whose email is still unverified this long after registration is deleted with
 *     everything of it, and verification links expired this long ago are forgotten
 */
@Validated
@ConfigurationProperties("yarda.account")
public record AccountProperties(
        @NotNull @DefaultValue("1h") Duration verificationTtl,
        @NotNull @DefaultValue("60s") Duration resendCooldown,
        @NotNull @DefaultValue("1h") Duration passwordResetTtl,
        @Positive @DefaultValue("5") int maxFailedLogins,
        @Positive @DefaultValue("50") int maxFailedLoginsPerClient,
        @NotNull @DefaultValue("15m") Duration failedLoginWindow,
        @Positive @DefaultValue("10") int registrationsPerAddress,
        @NotNull @DefaultValue("1h") Duration registrationWindow,
        @NotNull @DefaultValue("7d") Duration unverifiedRetention) {

    public AccountProperties {
        if (registrationWindow != null && (registrationWindow.isNegative() || registrationWindow.isZero())) {
            throw new IllegalArgumentException("yarda.account.registration-window must be positive");
        }
        if (unverifiedRetention != null
                && verificationTtl != null
                && unverifiedRetention.compareTo(verificationTtl) < 0) {
            // an account must outlive its verification link, or a link still valid would name nobody
            throw new IllegalArgumentException(
                    "yarda.account.unverified-retention must be at least yarda.account.verification-ttl");
        }
    }
}
