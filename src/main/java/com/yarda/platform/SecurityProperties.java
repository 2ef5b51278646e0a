package com.yarda.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer-token settings ({@code yarda.security.*}).
 *
 * @param jwtSecret base64 of at least 32 random bytes; when unset a key is generated once and kept in
 *     {@code {yarda.data-dir}/jwt-signing.key} so that tokens survive restarts
 * @param accessTokenTtl how long an access token is valid
 */
@Validated
@ConfigurationProperties("yarda.security")
public record SecurityProperties(
        @Nullable String jwtSecret,
        @NotNull @DefaultValue("24h") Duration accessTokenTtl) {}
