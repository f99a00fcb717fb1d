package dev.ratchet.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.shared.Actor;
import dev.ratchet.shared.ApiProblems;
import dev.ratchet.shared.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any POST to the API: the first answer (a success or a refusal, never a 5xx) is kept for a
 * day per person and key and given again, marked {@code Idempotency-Replayed: true}, to a retry of the same request, so
 * a client that timed out and retries never creates a second record. The same key with another request is refused
 * (422); a retry while the first request still runs is told to wait (409 with {@code Retry-After}). The request is
 * recognised by its method, path, query and body (a multipart body by its length), hashed.
 */
@Component
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEPT_BODY = 5 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID user = user();
        String key = request.getHeader(HEADER).strip();
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            ApiProblems.write(response, HttpStatus.BAD_REQUEST, "An Idempotency-Key is 1 to 255 characters, such as a UUID.");
            return;
        }
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        byte[] body = multipart ? null : request.getInputStream().readNBytes(41 * 1024 * 1024);
        java.security.MessageDigest digest = Sha256.digest();
        digest.update((request.getRequestURI() + "?" + request.getQueryString() + "\n"
                + (multipart ? "multipart " + request.getContentLengthLong() : "")).getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            digest.update(body);
        }
        String fingerprint = java.util.HexFormat.of().formatHex(digest.digest());
        if (replayed(user, key, fingerprint, response)) {
            return;
        }
        try {
            jdbc.update("insert into idempotent_request (user_id, idempotency_key, fingerprint, created_at) values (?, ?, ?, ?)",
                    user, key, fingerprint, Timestamp.from(clock.instant()));
        }
        catch (DuplicateKeyException raced) {
            if (!replayed(user, key, fingerprint, response)) {
                inProgress(response);
            }
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(body == null ? request : new CachedBody(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 500 && recorded.getContentSize() <= MAX_KEPT_BODY) {
                jdbc.update("update idempotent_request set status = ?, content_type = ?, location = ?, body = ? "
                        + "where user_id = ? and idempotency_key = ?", status, recorded.getContentType(),
                        recorded.getHeader("Location"), recorded.getContentAsByteArray(), user, key);
                kept = true;
            }
        }
        finally {
            if (!kept) {
                // A failure of ours: the client may try again with the same key.
                jdbc.update("delete from idempotent_request where user_id = ? and idempotency_key = ?", user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Answers from the kept request, if there is one for this person and key; false when there is none. */
    private boolean replayed(UUID user, String key, String fingerprint, HttpServletResponse response) throws IOException {
        jdbc.update("delete from idempotent_request where user_id = ? and idempotency_key = ? and created_at < ?", user, key,
                Timestamp.from(clock.instant().minus(KEPT)));
        List<Map<String, Object>> kept = jdbc.queryForList("select fingerprint, status, content_type, location, body "
                + "from idempotent_request where user_id = ? and idempotency_key = ?", user, key);
        if (kept.isEmpty()) {
            return false;
        }
        Map<String, Object> row = kept.get(0);
        if (!fingerprint.equals(row.get("fingerprint"))) {
            ApiProblems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was used for another request "
                    + "in the last 24 hours: use a new key for a new request.");
            return true;
        }
        if (row.get("status") == null) {
            inProgress(response);
            return true;
        }
        response.setStatus(((Number) row.get("status")).intValue());
        response.setHeader("Idempotency-Replayed", "true");
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        if (row.get("location") != null) {
            response.setHeader("Location", (String) row.get("location"));
        }
        if (row.get("body") instanceof byte[] bytes) {
            response.getOutputStream().write(bytes);
        }
        return true;
    }

    private static void inProgress(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "2");
        ApiProblems.write(response, HttpStatus.CONFLICT, "The first request with this Idempotency-Key is still being answered: "
                + "try again in a moment to get its answer.");
    }

    private static UUID user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor.userId() : null;
    }

    /** Keys older than a day are forgotten (a bean of its own: a scheduled, locked method would proxy the filter). */
    @Component
    static class Cleanup {

        private final JdbcTemplate jdbc;
        private final Clock clock;

        Cleanup(JdbcTemplate jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Scheduled(cron = "${ratchet.idempotency.cleanup-cron:0 40 * * * *}")
        @SchedulerLock(name = "idempotency-cleanup")
        void forgetOldKeys() {
            jdbc.update("delete from idempotent_request where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
        }
    }

    /** The request with its body read once for the fingerprint, readable again by the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    }
                    catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
