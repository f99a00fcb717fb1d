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
 * One line per request: method, path, status, time, the SQL statements it sent, who and in which organisation.
 * Never the query string, headers, cookies or body, so no password, token or session id can reach the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ratchet.access");

    private static final int PAGE_BUFFER = 128 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        StatementCount.start();
        if (!isAsset(request.getRequestURI())) {
            // A page is written whole before any of it leaves: the session is stored once, at the end, rather than
            // when a small buffer first fills halfway through the template (and read again for what follows).
            response.setBufferSize(PAGE_BUFFER);
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            int statements = StatementCount.stop();
            request.setAttribute(StatementCount.ATTRIBUTE, statements);
            if (!isAsset(request.getRequestURI())) {
                LOG.info("{} {} {} {}ms sql={} user={} org={}", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), (System.nanoTime() - started) / 1_000_000, statements,
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
