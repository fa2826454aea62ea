package org.onedoor.identity.internal;

import java.io.IOException;
import java.util.Map;

import org.onedoor.identity.PartnerSystem;
import org.onedoor.identity.PartnerTokens;
import org.onedoor.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API under {@code /api/} accepts a partner system's bearer token, HTTP Basic or the
 * session and returns 401 and 403 as RFC 9457 problem details; pages use form sign-in. Both check CSRF tokens on
 * state-changing requests made with the session cookie. Partner systems may call only the directory reads, the
 * capacity update and their webhooks; every other API endpoint needs a staff account.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();


    @Bean
    PasswordEncoder passwordEncoder(@Value("${onedoor.security.bcrypt-strength:12}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    /**
     * Turns off Spring Security's observations, which time every filter of both chains on every request. They were
     * a large share of the request threads' CPU in the services panel benchmark, and OneDoor exposes no metrics
     * endpoint that would show them (only health and info).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, PartnerTokens partnerTokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/partners", "/api/v1/partners/**", "/api/v1/programs",
                                "/api/v1/services", "/api/v1/services/**", "/api/v1/offices/**").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/services/*/capacity").authenticated()
                        // Partner systems manage their own partner's webhooks; staff without an
                        // administrator role may not.
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasAnyAuthority(
                                Role.ADMINISTRATOR.authority(), Role.PARTNER_ADMINISTRATOR.authority(),
                                PartnerSystem.AUTHORITY)
                        .anyRequest().hasAnyAuthority(Role.ADMINISTRATOR.authority(),
                                Role.PARTNER_ADMINISTRATOR.authority(), Role.STAFF.authority()))
                .addFilterBefore(new PartnerTokenFilter(partnerTokens, SecurityConfiguration::writeUnauthorized),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::writeUnauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityConfiguration::writeUnauthorized)
                        .accessDeniedHandler((request, response, exception) ->
                                writeProblem(request, response, HttpStatus.FORBIDDEN, exception instanceof CsrfException
                                        ? "The CSRF token is missing or invalid. A request made with the session cookie must "
                                                + "send the X-CSRF-TOKEN header with the token from the page's csrf-token meta "
                                                + "tag, or send HTTP Basic credentials instead of the cookie."
                                        : forbiddenDetail(exception))))
                // A request that carries its own credentials cannot be forged by another site, so only
                // cookie-authenticated changes need the CSRF token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(cookieAuthenticatedChange()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/vendor/**", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/sign-in", "/error", "/access-denied").permitAll()
                        // The public directory for businesses; its contact form still needs the CSRF token.
                        .requestMatchers("/find-services", "/find-services/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The Open Referral HSDS API and export publish only public directory data.
                        .requestMatchers(HttpMethod.GET, "/hsds", "/hsds/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("ADMINISTRATOR", "PARTNER_ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureUrl("/sign-in?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(signInOrUnauthorized())
                        .accessDeniedPage("/access-denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /**
     * Sends signed-out page requests to the sign-in page, but rejects the live-update stream under
     * {@code /events/} with a bare 401, because a script opens it and cannot follow a redirect to a form.
     */
    private static AuthenticationEntryPoint signInOrUnauthorized() {
        RequestMatcher events = PathPatternRequestMatcher.withDefaults().matcher("/events/**");
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, exception) -> (events.matches(request) ? unauthorized : signIn)
                .commence(request, response, exception);
    }

    /**
     * Returns the reason a module gave when it rejected the request, or the general reason when Spring Security's
     * own rules rejected it (their message is the bare "Access Denied").
     */
    private static String forbiddenDetail(Exception exception) {
        String message = exception.getMessage();
        if (message != null && !message.isBlank() && !message.equals("Access Denied")) {
            return message;
        }
        return forbiddenDetail();
    }

    private static String forbiddenDetail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PartnerSystem) {
            return "A partner API token may only read the directory (GET /api/v1/partners, programs, services and "
                    + "offices), update the capacity of its partner's services and manage its partner's webhooks "
                    + "(/api/v1/webhooks). Use a staff account for other calls.";
        }
        return "Your account may not do this. Ask an administrator of your partner for access.";
    }

    private static RequestMatcher cookieAuthenticatedChange() {
        return request -> !isSafe(request.getMethod()) && request.getHeader("Authorization") == null;
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method) || HttpMethod.TRACE.matches(method);
    }

    private static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response,
                                          AuthenticationException exception) throws IOException {
        String authorization = request.getHeader("Authorization");
        String detail;
        if (authorization == null) {
            detail = "Sign-in is required. Send HTTP Basic credentials of a staff account or a partner API token, "
                    + "or sign in first.";
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            detail = "The bearer token was rejected because it is unknown or revoked. Ask an administrator of your "
                    + "partner to issue a new API token.";
        } else {
            detail = "The credentials were rejected. Check the email and password of the staff account, and that the "
                    + "account is enabled.";
        }
        writeProblem(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    private static void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                     String detail) throws IOException {
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"OneDoor\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"OneDoor\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of(
                "type", "about:blank",
                "title", status.getReasonPhrase(),
                "status", status.value(),
                "detail", detail,
                "instance", request.getRequestURI()));
    }
}
