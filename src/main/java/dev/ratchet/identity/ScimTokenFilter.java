package dev.ratchet.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an identity provider's SCIM call that carries {@code Authorization: Bearer scim_…}: it acts for the token's
 * organisation only, with the one authority {@link #AUTHORITY}; a person's token means nothing here.
 */
public class ScimTokenFilter extends OncePerRequestFilter {

    public static final String AUTHORITY = "SCIM";

    private final Provisioning provisioning;

    public ScimTokenFilter(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            provisioning.authenticate(header.substring(7).strip()).ifPresent(client -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY))));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
