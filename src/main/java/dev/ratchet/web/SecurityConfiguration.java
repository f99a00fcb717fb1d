package dev.ratchet.web;


import dev.ratchet.identity.ApiTokenFilter;
import dev.ratchet.shared.ApiProblems;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.identity.ThrottledAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains: the JSON API signs in by personal token on every call and answers in problem details; the pages sign
 * in by form into a session, with CSRF protection on every form. Roles are checked on each controller method.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /** A PDF asked for as a preview (?preview=true), shown in a frame of Ratchet's own approval page. */
    static final RequestMatcher PREVIEW = request -> "true".equals(request.getParameter("preview"))
            && request.getRequestURI().endsWith(".pdf") && "GET".equals(request.getMethod());

    /** Swagger UI's own page, whose styles are set inline by its script: allowed there, and nowhere else. */
    static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");

    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** SCIM for identity providers: an organisation's SCIM token, nothing else; errors in SCIM's own form. */
    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, dev.ratchet.identity.Provisioning provisioning) throws Exception {
        http.securityMatcher("/scim/**")
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new dev.ratchet.identity.ScimTokenFilter(provisioning), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(dev.ratchet.identity.ScimTokenFilter.AUTHORITY))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"Ratchet SCIM\"");
                            scimError(response, 401, "Send the organisation's SCIM token: Authorization: Bearer scim_…");
                        })
                        .accessDeniedHandler((request, response, e) -> scimError(response, 403, "Only a SCIM token may call SCIM")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static void scimError(HttpServletResponse response, int status, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/scim+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                + "\",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenFilter tokens, TenantFilter tenants) throws Exception {
        http.securityMatcher("/api/**")
                // The API never reads the browser's session, so a page cannot be tricked into calling it: no CSRF.
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(tenants, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(RatchetPrincipal.SIGNED_IN))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"Ratchet API\"");
                            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "Send a valid personal API token: Authorization: Bearer rat_…");
                        })
                        .accessDeniedHandler((request, response, e) -> ApiProblems.write(response, HttpStatus.FORBIDDEN,
                                "Your roles in this organisation do not allow this.")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, TenantFilter tenants, ThrottledAuthenticationProvider passwords,
            dev.ratchet.identity.SingleSignOnLogin singleSignOn, dev.ratchet.identity.PasskeySignIn passkeys) throws Exception {
        // The passkey ceremony finds its accounts here: a passkey is a second factor of its own.
        http.setSharedObject(org.springframework.security.core.userdetails.UserDetailsService.class, passkeys.accounts());
        SavedRequestAwareAuthenticationSuccessHandler toSavedPage = new SavedRequestAwareAuthenticationSuccessHandler();
        // Passwords and the organisations' OpenID providers, and no parent manager: a failed password is counted once,
        // not again by a fallback.
        http.authenticationManager(new ProviderManager(passwords, singleSignOn.provider()))
                .addFilterBefore(tenants, AuthorizationFilter.class)
                // Making a passkey needs a complete sign-in: a password whose one-time code is still owed must not
                // make itself a way around the code.
                .addFilterBefore(new PasskeyRegistrationGuard(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/setup", "/setup/demo", "/join/**", "/password-reset", "/password-reset/**", "/login/sso", "/login/sso/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**", "/calendar/**",
                                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/login/second-factor").hasAuthority(RatchetPrincipal.SECOND_FACTOR_PENDING)
                        .anyRequest().hasAuthority(RatchetPrincipal.SIGNED_IN))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getPrincipal() instanceof RatchetPrincipal p && p.secondFactorPending()) {
                                response.sendRedirect(request.getContextPath() + "/login/second-factor");
                            }
                            else {
                                toSavedPage.onAuthenticationSuccess(request, response, authentication);
                            }
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof ThrottledAuthenticationProvider.Throttled ? "/login?throttled"
                                        : e instanceof ThrottledAuthenticationProvider.SingleSignOnRequired ? "/login?ssoRequired"
                                        : "/login?error"))))
                // An organisation's own OpenID provider (its connection is the client registration): the code flow at
                // /oauth2/authorization/{connection} and back at /login/oauth2/code/{connection}.
                .oauth2Login(oauth -> oauth.loginPage("/login")
                        .clientRegistrationRepository(singleSignOn)
                        .authorizedClientRepository(singleSignOn.noTokensKept())
                        .userInfoEndpoint(info -> info.oidcUserService(singleSignOn.users()))
                        .successHandler(singleSignOn.succeeded())
                        .failureHandler(singleSignOn.failed()))
                // Passkeys (WebAuthn): options at /webauthn/register/options and /webauthn/authenticate/options,
                // registration at /webauthn/register, sign-in at /login/webauthn; Ratchet's own pages and script.
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<Object>() {
                            @Override
                            public <O> O postProcess(O filter) {
                                if (filter instanceof org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter signIn) {
                                    signIn.setAuthenticationSuccessHandler(passkeys.succeeded());
                                    signIn.setAuthenticationFailureHandler(passkeys.failed());
                                }
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // A document previewed inside Ratchet's own page (the minutes before approval) may be framed
                        // by Ratchet, and only by Ratchet; everything else by nobody.
                        .frameOptions(frames -> frames.disable())
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy", PREVIEW.matches(request)
                                ? "default-src 'none'; frame-ancestors 'self'"
                                : SWAGGER_UI.matches(request) ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PREVIEW,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PREVIEW),
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY))));
        return http.build();
    }

    /** Refuses the start of a passkey registration (POST /webauthn/register/options) to anyone not fully signed in. */
    static final class PasskeyRegistrationGuard extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            if ("POST".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + "/webauthn/register/options")) {
                var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                boolean signedIn = authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(a -> RatchetPrincipal.SIGNED_IN.equals(a.getAuthority()));
                if (!signedIn) {
                    response.sendError(HttpStatus.FORBIDDEN.value());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** The security filters run inside Spring Security's chains only, not a second time as plain servlet filters. */
    @Bean
    FilterRegistrationBean<TenantFilter> tenantFilterRegistration(TenantFilter filter) {
        FilterRegistrationBean<TenantFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilterRegistration(ApiTokenFilter filter) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
