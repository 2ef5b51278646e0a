package com.yarda.web;

import com.yarda.platform.KnownUsers;
import com.yarda.platform.YardaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser pages log in with a session cookie (HttpOnly, SameSite=Lax, Secure when the public URL is https) and
 * every form carries a CSRF token. Pages that show a user's data send anonymous visitors to the login page and,
 * once logged in, back where they were going. A session that was logged out elsewhere ends at its next request
 * ({@link EndedSessions}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String SESSION_COOKIE = "YARDA_SESSION";

    static final String CSRF_COOKIE = "YARDA_CSRF";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self';"
            + " script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    static final String[] USER_PAGES = {
        "/generate",
        "/generations/**",
        "/history",
        "/account",
        "/account/**",
        "/uploads/**",
        "/buy-tokens",
        "/billing/success/**",
        "/admin/**"
    };

    /**
     * The pages of share links ({@code /s/**}): anyone with a link may open it, so they need no login, create no
     * session (the visitor is anonymous even when logged in elsewhere in this browser) and carry no form. Their
     * address is a secret: no Referer leaves with it, no cache keeps the answers, and search engines are asked not
     * to index them (the header reaches the pictures and the PDF too, which no meta tag can).
     */
    @Bean
    @Order(2)
    SecurityFilterChain sharedDesignSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/s/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()) // reading only: nothing here changes anything
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            SecurityContextRepository sessions,
            RequestCache requestCache,
            CsrfTokenRepository csrfTokens,
            KnownUsers knownUsers,
            BrowserSessions browserSessions)
            throws Exception {
        http.addFilterAfter(
                        new EndedSessions(knownUsers, browserSessions, requestCache), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(USER_PAGES)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .securityContext(context -> context.securityContextRepository(sessions))
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logged-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    SecurityContextRepository webSessions() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * The CSRF token of a visitor's forms lives in a cookie of its own (HttpOnly, the pages carry the token in a meta
     * tag and their forms), not in a session: an anonymous page view then writes nothing to the database. A session
     * starts at login, when there is a user to keep.
     */
    @Bean
    CsrfTokenRepository webCsrfTokens(YardaProperties yarda) {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        boolean https = "https".equalsIgnoreCase(yarda.publicUrl().getScheme());
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(https));
        return tokens;
    }

    /**
     * Where an anonymous visitor was going when sent to the login page is kept in a short-lived cookie, not a
     * session, for the same reason; the login page reads it and goes back there (only to a path of this site).
     */
    @Bean
    RequestCache webRequestCache(YardaProperties yarda) {
        CookieRequestCache cache = new CookieRequestCache();
        boolean https = "https".equalsIgnoreCase(yarda.publicUrl().getScheme());
        cache.setCookieCustomizer(cookie -> {
            cookie.setSecure(https);
            cookie.setAttribute("SameSite", "Lax");
        });
        // only remember real page visits, not images or htmx fragments loaded by a page
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !request.getRequestURI().endsWith("/image")
                && !request.getRequestURI().endsWith("/status"));
        return cache;
    }

    /**
     * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever users reach the service over https. The
     * sessions themselves live in PostgreSQL (Spring Session JDBC, V9__web_sessions.sql), so a restart or another
     * instance does not log anybody out.
     */
    @Bean
    CookieSerializer sessionCookie(YardaProperties yarda) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie("https".equalsIgnoreCase(yarda.publicUrl().getScheme()));
        return cookie;
    }
}
