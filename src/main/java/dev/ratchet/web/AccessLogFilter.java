package dev.ratchet.web;

import java.io.IOException;

import dev.ratchet.identity.TenantFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path, status, time, who and in which organisation. Never the query string,
 * headers, cookies or body, so no password, token or session id can reach the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ratchet.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (!isAsset(request.getRequestURI())) {
                LOG.info("{} {} {} {}ms user={} org={}", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), (System.nanoTime() - started) / 1_000_000,
                        attribute(request, TenantFilter.LOG_USER), attribute(request, TenantFilter.LOG_ORGANISATION));
            }
        }
    }

    private static boolean isAsset(String uri) {
        return uri.startsWith("/webjars/") || uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/img/");
    }

    private static Object attribute(HttpServletRequest request, String name) {
        Object value = request.getAttribute(name);
        return value == null ? "-" : value;
    }
}
