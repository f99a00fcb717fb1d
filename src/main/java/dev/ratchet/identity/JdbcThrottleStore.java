package dev.ratchet.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in throttles' counts in the database (table sign_in_throttle, V40), shared by every instance: a failure on
 * one instance counts on all. Each change is its own short transaction that locks the key's row, so two instances
 * never lose a failure between them.
 */
@Component
class JdbcThrottleStore implements ThrottleStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    JdbcThrottleStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Bucket take(String key, int capacity, Duration window, Instant now) {
        ensure(key, capacity, now);
        return own.execute(status -> {
            Bucket before = locked(key).orElse(new Bucket(capacity, now));
            double tokens = before.now(capacity, window, now);
            Bucket after = new Bucket(tokens >= 1 ? tokens - 1 : tokens, now);
            jdbc.update("update sign_in_throttle set tokens = ?, updated_at = ? where throttle_key = ?", after.tokens(),
                    Timestamp.from(now), key);
            return after;
        });
    }

    @Override
    public Optional<Bucket> bucket(String key) {
        return jdbc.query("select tokens, updated_at from sign_in_throttle where throttle_key = ?",
                (rs, i) -> new Bucket(rs.getDouble(1), rs.getTimestamp(2).toInstant()), key).stream().findFirst();
    }

    @Override
    public Slowdown fail(String key, Duration window, Instant now) {
        ensure(key, 0, now);
        return own.execute(status -> {
            List<Slowdown> rows = jdbc.query("select failures, updated_at from sign_in_throttle where throttle_key = ? for update",
                    (rs, i) -> new Slowdown(rs.getInt(1), rs.getTimestamp(2).toInstant()), key);
            Slowdown before = rows.isEmpty() ? new Slowdown(0, now) : rows.get(0);
            Slowdown after = before.failures() == 0 || before.last().plus(window).isBefore(now) ? new Slowdown(1, now)
                    : new Slowdown(before.failures() + 1, now);
            jdbc.update("update sign_in_throttle set failures = ?, updated_at = ? where throttle_key = ?", after.failures(),
                    Timestamp.from(now), key);
            return after;
        });
    }

    @Override
    public Optional<Slowdown> slowdown(String key) {
        return jdbc.query("select failures, updated_at from sign_in_throttle where throttle_key = ? and failures > 0",
                (rs, i) -> new Slowdown(rs.getInt(1), rs.getTimestamp(2).toInstant()), key).stream().findFirst();
    }

    @Override
    public void forget(String key) {
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", key);
    }

    @Override
    public void forgetStartingWith(String prefix) {
        jdbc.update("delete from sign_in_throttle where throttle_key like ? escape '!'",
                prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }

    @Override
    public void forgetOlderThan(Instant before) {
        jdbc.update("delete from sign_in_throttle where updated_at < ?", Timestamp.from(before));
    }

    /** Every key has its row before it is locked: made once, by whichever instance is first. */
    private void ensure(String key, int capacity, Instant now) {
        if (bucketRowExists(key)) {
            return;
        }
        try {
            own.executeWithoutResult(status -> jdbc.update(
                    "insert into sign_in_throttle (throttle_key, tokens, failures, updated_at) values (?, ?, 0, ?)",
                    key, (double) capacity, Timestamp.from(now)));
        }
        catch (DataIntegrityViolationException madeByAnother) {
            // Another instance made it a moment ago: the same row serves both.
        }
    }

    private boolean bucketRowExists(String key) {
        Integer found = jdbc.queryForObject("select count(*) from sign_in_throttle where throttle_key = ?", Integer.class, key);
        return found != null && found > 0;
    }

    private Optional<Bucket> locked(String key) {
        return jdbc.query("select tokens, updated_at from sign_in_throttle where throttle_key = ? for update",
                (rs, i) -> new Bucket(rs.getDouble(1), rs.getTimestamp(2).toInstant()), key).stream().findFirst();
    }
}
