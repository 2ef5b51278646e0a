package com.yarda.platform;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API ({@code /api/**}) authenticates with signed bearer tokens (HS256 only; {@code exp} checked against the injected clock).
 * It keeps no session and therefore needs no CSRF token: a browser never attaches a bearer token by itself. A token
 * that has ended (its account deleted or suspended, its user's token epoch moved on) counts as none ({@link
 * EndedTokens}). A bearer token that starts with {@code yk_} is an API key instead ({@link BearerTokens}), refused
 * where {@link ApiKeyReach} says.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    // looked up per request: the accounts feature that implements it needs beans of this configuration
    private final ObjectProvider<KnownUsers> knownUsers;
    private final ObjectProvider<KnownApiKeys> knownApiKeys;

    SecurityConfiguration(ObjectProvider<KnownUsers> knownUsers, ObjectProvider<KnownApiKeys> knownApiKeys) {
        this.knownUsers = knownUsers;
        this.knownApiKeys = knownApiKeys;
    }

    /** Endpoints that are public; everything else under /api needs a bearer token (and its OpenAPI says so). */
    static final String[] PUBLIC_API = {
        "/api/auth/register",
        "/api/auth/login",
        "/api/auth/verify-email",
        "/api/auth/resend-verification",
        "/api/auth/forgot-password",
        "/api/auth/reset-password",
        "/api/auth/confirm-email-change",
        "/api/docs",
        "/api/docs/**",
        "/api/openapi.json",
        "/api/openapi.json/**",
        "/api/swagger-ui/**",
        "/api/swagger-ui.html",
        "/api/credits/packs",
        "/api/webhooks/stripe"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, JwtDecoder jwtDecoder) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SuspendedAccountKey) {
                Problems.write(
                        json,
                        response,
                        Problems.of(HttpStatus.FORBIDDEN, "account_suspended", SuspendedAccountKey.DETAIL));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    json,
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "A valid bearer token is required: send Authorization: Bearer <access_token> from"
                                    + " POST /api/auth/login, or an API key."));
        };
        AccessDeniedHandler denied = (request, response, e) -> Problems.write(
                json,
                response,
                SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication
                        ? Problems.of(
                                HttpStatus.FORBIDDEN,
                                "api_key_not_allowed",
                                "An API key cannot do this: it cannot manage the account, its API keys or purchases,"
                                        + " nor act as an operator. Log in with your password (POST /api/auth/login)"
                                        + " and use the access token.")
                        : Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This is not allowed."));
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        AuthorizationManager<RequestAuthorizationContext> notAnApiKey = (authentication, context) -> {
            Authentication caller = authentication.get();
            return new AuthorizationDecision(
                    trust.isAuthenticated(caller) && !(caller instanceof ApiKeyAuthentication));
        };
        AuthenticationManager bearerTokens = new BearerTokens(jwtDecoder, knownApiKeys);
        http.securityMatcher(ApiRequests.PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_API)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ApiKeyReach.ME)
                        .authenticated()
                        .requestMatchers(ApiKeyReach.REFUSED)
                        .access(notAnApiKey)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(unauthenticated))
                .addFilterAfter(new EndedTokens(knownUsers, json), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * The Prometheus metrics are for the operator's scraper only: it sends {@code Authorization: Bearer
     * <yarda.metrics.token>}; anyone else (and everyone while no token is set) gets 401. Health stays public.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsSecurity(HttpSecurity http, MetricsProperties metrics, JsonMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    json,
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "The metrics need Authorization: Bearer <yarda.metrics.token>."));
        };
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(authorize -> authorize
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                metrics.accepts(context.getRequest().getHeader(HttpHeaders.AUTHORIZATION)))))
                // nothing authenticates here: a refused request is always anonymous, and goes to the entry point
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /**
     * Spring Security would wrap every filter of its chains, the authentication and the authorization in an
     * observation: about a tenth of the service's CPU per request (docs/performance.md), for timings nobody reads.
     * Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecretKey tokenSigningKey(SecurityProperties security, YardaProperties yarda, SecureRandom random) {
        return SigningKey.load(security, yarda.dataDir(), random);
    }

    @Bean
    DerivedKeys derivedKeys(SecretKey tokenSigningKey) {
        return new DerivedKeys(tokenSigningKey);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey, Clock clock) {
        return VerifiedTokens.accessTokens(tokenSigningKey, clock, VerifiedTokens.CAPACITY);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}
