package dev.ratchet.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.shared.Sha256;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Browsers that have signed in to an account: a long-lived, HttpOnly cookie with a random token, of which only the
 * hash is stored. {@link LoginThrottle} lets a known device past the slowdown that strangers' guesses put on an account.
 */
@Component
class KnownDevices {

    static final String COOKIE = "ratchet_device";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnownDevices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The device's key for the throttle, when this browser signed in to this account before. */
    Optional<String> of(HttpServletRequest request, String account) {
        return token(request).flatMap(token -> jdbc.query("""
                select d.token_hash from known_device d join app_user u on u.id = d.user_id
                where d.token_hash = ? and lower(u.email) = lower(?)""", (rs, i) -> "device:" + rs.getString(1).substring(0, 16),
                Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), account == null ? "" : account.strip())
                .stream().findFirst());
    }

    /** After a sign-in: this browser is known to the account from now on (its cookie renewed). */
    void remember(HttpServletRequest request, HttpServletResponse response, UUID userId) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<String> known = token(request).map(t -> Sha256.hex(t.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .filter(hash -> jdbc.update("update known_device set last_seen_at = ? where token_hash = ? and user_id = ?", now, hash, userId) == 1);
        if (known.isPresent()) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into known_device (token_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?)",
                Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), userId, now, now);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path("/login").maxAge(LIFETIME).build().toString());
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{20,100}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
