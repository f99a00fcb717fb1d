package dev.ratchet.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import dev.ratchet.shared.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A request that fails because the database cannot be reached (it is down, the network to it is cut, or every
 * connection of the pool is taken for longer than spring.datasource.hikari.connection-timeout) is answered 503 with
 * Retry-After, never 500: the API with problem details, a page with "Ratchet cannot reach its database" and, for a
 * form that was sent, the form again with what was typed, to send once more. Nothing was changed: the transaction
 * could not commit. Outside every other filter, so a failure in sign-in or the organisation lookup is answered too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

    /** Seconds a client is asked to wait: Hikari finds a database that is back within a few seconds. */
    static final int RETRY_AFTER = 10;

    static final String DETAIL = "Ratchet cannot reach its database at the moment, so nothing was changed. Try again in a few seconds.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
            response.resetBuffer();
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER));
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ApiProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
            }
            else {
                page(request, response);
            }
        }
    }

    /** Whether the failure is the database being out of reach, rather than something a request did. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLSTATE class 08 is a connection exception; 57P01-57P03: the server is shutting down or starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // The pool closed a connection it found broken, and the rollback of the failed work then hit it.
            if (cause instanceof SQLException closed && closed.getStackTrace().length > 0
                    && closed.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The page, written without the database (no navigation, which needs it), keeping a posted form to send again. */
    private static void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String context = request.getContextPath();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Ratchet cannot reach its database · Ratchet</title>
                """);
        html.append("<link rel=\"stylesheet\" href=\"").append(context).append("/webjars/bootstrap/dist/css/bootstrap.min.css\">")
                .append("<link rel=\"stylesheet\" href=\"").append(context).append("/css/ratchet.css\"></head>\n")
                .append("<body><main class=\"container py-5 narrow\"><h1 class=\"h3\">Ratchet cannot reach its database</h1>\n");
        boolean form = "POST".equals(request.getMethod());
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        if (form && !multipart) {
            html.append("<p>Nothing you typed is lost: it is below, and nothing was saved yet. The database is usually back within a minute;")
                    .append(" then send it again.</p>\n<form method=\"post\" action=\"").append(escape(request.getRequestURI()))
                    .append(request.getQueryString() == null ? "" : "?" + escape(request.getQueryString())).append("\">\n<dl>\n");
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                String name = field.getKey();
                boolean secret = name.toLowerCase(java.util.Locale.ROOT).contains("password") || name.equals("code");
                for (String value : field.getValue()) {
                    if (secret) {
                        continue; // never written back into a page; typed again
                    }
                    html.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\">\n");
                    if (!name.startsWith("_") && !name.equals("version") && !value.isBlank()) {
                        html.append("<dt>").append(escape(name)).append("</dt><dd class=\"text-break prewrap\">")
                                .append(escape(value)).append("</dd>\n");
                    }
                }
            }
            html.append("</dl>\n<button type=\"submit\" class=\"btn btn-primary\">Send it again</button>\n</form>\n");
        }
        else if (form) {
            html.append("<p>Nothing was saved. The database is usually back within a minute: go back, choose the file again and send it.</p>\n");
        }
        else {
            html.append("<p>Nothing is lost. The database is usually back within a minute: <a href=\"")
                    .append(escape(request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString())))
                    .append("\">try again</a>.</p>\n");
        }
        html.append("<p class=\"text-muted small\">If it lasts, tell your administrator the time it happened.</p></main></body></html>\n");
        response.getWriter().write(html.toString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
