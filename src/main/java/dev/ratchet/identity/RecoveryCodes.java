package dev.ratchet.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use codes that stand in for the second factor when its phone is lost: shown once when they are issued
 * (at enrolment, and again on request, which replaces the earlier ten), kept only as hashes salted with the account.
 * Issuing and using one is recorded on the account, so the history shows it.
 */
@Service
@Transactional
public class RecoveryCodes {

    public static final int COUNT = 10;
    /** No 0/o, 1/l/i: codes are read from paper. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final UserRepository users;
    private final Clock clock;

    RecoveryCodes(JdbcTemplate jdbc, UserRepository users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** Ten new codes for an account with a second factor; the earlier ones stop working. Shown only now. */
    public List<String> issue(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        if (!user.hasTotp()) {
            throw Refused.conflict("Set up a second factor first: recovery codes stand in for it");
        }
        discard(userId);
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            String code = newCode();
            codes.add(code);
            jdbc.update("insert into recovery_code (id, user_id, code_hash, created_at) values (?, ?, ?, ?)",
                    UUID.randomUUID(), userId, hash(userId, code), Timestamp.from(now));
        }
        user.recoveryCodesIssued(now);
        users.flush();
        return codes;
    }

    /** How many unused codes the account has. */
    @Transactional(readOnly = true)
    public int remaining(UUID userId) {
        Integer left = jdbc.queryForObject("select count(*) from recovery_code where user_id = ? and used_at is null", Integer.class, userId);
        return left == null ? 0 : left;
    }

    /** Spends the code if it is one of the account's unused ones (one statement: a code signs in one session only). */
    public boolean use(UUID userId, String code) {
        String normal = normalise(code);
        if (normal.length() != 10) {
            return false;
        }
        Instant now = clock.instant();
        int spent = jdbc.update("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null",
                Timestamp.from(now), userId, hash(userId, normal));
        if (spent == 1) {
            users.findById(userId).ifPresent(u -> u.recoveryCodeUsed(now));
            users.flush();
        }
        return spent == 1;
    }

    /** Every code of the account stops working (the second factor was removed or reset). */
    public void discard(UUID userId) {
        jdbc.update("delete from recovery_code where user_id = ?", userId);
    }

    /** Whether the text looks like a recovery code rather than a six-digit one-time code. */
    public static boolean looksLikeOne(String code) {
        return code != null && normalise(code).length() == 10;
    }

    private static String normalise(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String hash(UUID userId, String code) {
        return Sha256.hex(userId + ":" + normalise(code));
    }
}
