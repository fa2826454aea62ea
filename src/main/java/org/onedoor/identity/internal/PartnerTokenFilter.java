package org.onedoor.identity.internal;

import java.io.IOException;

import org.onedoor.identity.PartnerSystem;
import org.onedoor.identity.PartnerTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in a partner system that sends {@code Authorization: Bearer <token>}. An unknown or revoked token ends
 * the request with 401. Requests without a bearer token pass on to HTTP Basic and the session unchanged.
 * Not a Spring bean, so that Spring Boot does not also register it for every request outside the API.
 */
class PartnerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final PartnerTokens tokens;
    private final AuthenticationEntryPoint rejection;

    PartnerTokenFilter(PartnerTokens tokens, AuthenticationEntryPoint rejection) {
        this.tokens = tokens;
        this.rejection = rejection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }

        PartnerSystem system = tokens.authenticate(header.substring(BEARER.length()).strip()).orElse(null);
        if (system == null) {
            log.info("Rejected a bearer token on {} {}", request.getMethod(), request.getRequestURI());
            SecurityContextHolder.clearContext();
            rejection.commence(request, response, new BadCredentialsException("Unknown or revoked bearer token"));
            return;
        }

        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PartnerSystemAuthentication(system));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** The authentication of a partner system; it has no credentials once the token is checked. */
    static final class PartnerSystemAuthentication extends AbstractAuthenticationToken {

        private final PartnerSystem system;

        PartnerSystemAuthentication(PartnerSystem system) {
            super(AuthorityUtils.createAuthorityList(PartnerSystem.AUTHORITY));
            this.system = system;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public PartnerSystem getPrincipal() {
            return system;
        }

        @Override
        public String getName() {
            return system.displayName();
        }
    }
}
