package dev.ratchet.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the sign-in throttles keep their counts. In the database for the application, so that every instance counts
 * the same failures ({@link JdbcThrottleStore}); in memory for the unit tests of the rules ({@link InMemory}).
 */
interface ThrottleStore {

    /** A token bucket's state: tokens left (refilled evenly, {@code capacity} per window) when last touched. */
    record Bucket(double tokens, Instant at) {

        double now(int capacity, Duration window, Instant now) {
            double refilled = (double) Duration.between(at, now).toMillis() * capacity / Math.max(1, window.toMillis());
            return Math.min(capacity, tokens + Math.max(0, refilled));
        }
    }

    /** An account's failures across clients, and when the last one was. */
    record Slowdown(int failures, Instant last) {
    }

    /** Takes a token from the key's bucket if it has one; answers the bucket as it is after. */
    Bucket take(String key, int capacity, Duration window, Instant now);

    Optional<Bucket> bucket(String key);

    /** One more failure for the key, counted afresh when the last was longer ago than the window. */
    Slowdown fail(String key, Duration window, Instant now);

    Optional<Slowdown> slowdown(String key);

    void forget(String key);

    void forgetStartingWith(String prefix);

    /** Drops what has not been touched since then (counts that no longer hold anyone back). */
    void forgetOlderThan(Instant before);

    /** For the rules' unit tests: one instance's memory. */
    final class InMemory implements ThrottleStore {

        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final Map<String, Slowdown> slowdowns = new ConcurrentHashMap<>();

        @Override
        public Bucket take(String key, int capacity, Duration window, Instant now) {
            return buckets.compute(key, (k, before) -> {
                double tokens = before == null ? capacity : before.now(capacity, window, now);
                return new Bucket(tokens >= 1 ? tokens - 1 : tokens, now);
            });
        }

        @Override
        public Optional<Bucket> bucket(String key) {
            return Optional.ofNullable(buckets.get(key));
        }

        @Override
        public Slowdown fail(String key, Duration window, Instant now) {
            return slowdowns.merge(key, new Slowdown(1, now),
                    (before, one) -> before.last().plus(window).isBefore(now) ? one : new Slowdown(before.failures() + 1, now));
        }

        @Override
        public Optional<Slowdown> slowdown(String key) {
            return Optional.ofNullable(slowdowns.get(key));
        }

        @Override
        public void forget(String key) {
            buckets.remove(key);
            slowdowns.remove(key);
        }

        @Override
        public void forgetStartingWith(String prefix) {
            buckets.keySet().removeIf(k -> k.startsWith(prefix));
            slowdowns.keySet().removeIf(k -> k.startsWith(prefix));
        }

        @Override
        public void forgetOlderThan(Instant before) {
            buckets.values().removeIf(b -> b.at().isBefore(before));
            slowdowns.values().removeIf(s -> s.last().isBefore(before));
        }
    }
}
