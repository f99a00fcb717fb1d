package dev.ratchet.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock the real person out.
 * <ul>
 * <li>Per account and client (a known device, or else the address): a few failures, refilled slowly; while empty, that
 * client's tries for the account are refused without checking the password. Another client is not affected.</li>
 * <li>Per address: many failures across accounts (credential stuffing), enough that an office behind one address is
 * not locked out by one person's typos.</li>
 * <li>Per account, across clients: after a number of failures, a progressive delay (doubling, up to a cap) between
 * tries from unknown devices. A known device, or an account with a second factor (whose codes are throttled per
 * account on their own), passes the delay. An administrator can unlock an account at once.</li>
 * </ul>
 * Buckets live in this instance's memory; several instances each keep their own, which still bounds guessing.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Bucket> codes = new ConcurrentHashMap<>();
    private final Map<String, Slowdown> accounts = new ConcurrentHashMap<>();
    private final int perClient;
    private final int perAddress;
    private final int slowAfter;
    private final Duration window;
    private final Clock clock;

    /** Failures of an account across clients: after {@code slowAfter}, each try waits for the delay since the last. */
    private record Slowdown(int failures, Instant last) {
    }

    @Autowired
    LoginThrottle(@Value("${ratchet.login.failures-per-account:5}") int perClient,
            @Value("${ratchet.login.failures-per-address:100}") int perAddress,
            @Value("${ratchet.login.slow-down-after:10}") int slowAfter,
            @Value("${ratchet.login.failure-window:PT15M}") Duration window, Clock clock) {
        this.perClient = perClient;
        this.perAddress = perAddress;
        this.slowAfter = slowAfter;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Whether a try is refused without checking the password. {@code trusted}: from a known device of the account, or
     * for an account with a second factor; such a try is not held up by the account's slowdown.
     */
    public boolean isBlocked(String account, String client, String address, boolean trusted) {
        return empty(clients, pair(account, client)) || empty(addresses, address) || !trusted && delayed(key(account));
    }

    /** A wrong password; the account's failures in the window so far (from {@link #slowAfter()} on, tries slow down). */
    public int failed(String account, String client, String address) {
        bucket(clients, pair(account, client), perClient).tryConsume(1);
        bucket(addresses, address, perAddress).tryConsume(1);
        Instant now = clock.instant();
        if (accounts.size() > MAX_TRACKED) {
            accounts.clear();
        }
        Slowdown after = accounts.merge(key(account), new Slowdown(1, now),
                (before, one) -> before.last().plus(window).isBefore(now) ? one : new Slowdown(before.failures() + 1, now));
        return after.failures();
    }

    /** How many failures in the window start the account's slowdown. */
    public int slowAfter() {
        return slowAfter;
    }

    /** The person signed in: their client and account start afresh. */
    public void succeeded(String account, String client) {
        clients.remove(pair(account, client));
        accounts.remove(key(account));
    }

    /** An administrator lets the person try again at once, from anywhere. */
    public void unlock(String account, UUID userId) {
        String prefix = key(account) + "\n";
        clients.keySet().removeIf(k -> k.startsWith(prefix));
        accounts.remove(key(account));
        codes.remove(userId.toString());
    }

    /** Until when an account's untrusted tries wait, or null when they do not. */
    public Instant delayedUntil(String account) {
        Slowdown s = accounts.get(key(account));
        if (s == null || s.failures() < slowAfter || s.last().plus(window).isBefore(clock.instant())) {
            return null;
        }
        long seconds = Math.min(MAX_DELAY.getSeconds(), 1L << Math.min(20, s.failures() - slowAfter + 1));
        Instant until = s.last().plusSeconds(seconds);
        return until.isAfter(clock.instant()) ? until : null;
    }

    private boolean delayed(String account) {
        return delayedUntil(account) != null;
    }

    /** Whether the account's one-time codes are throttled: too many wrong ones lately, whatever session sent them. */
    public boolean codesBlocked(UUID userId) {
        return empty(codes, userId.toString());
    }

    /** A wrong one-time code; true when the account's codes are throttled from now on. */
    public boolean codeFailed(UUID userId) {
        bucket(codes, userId.toString(), perClient).tryConsume(1);
        return codesBlocked(userId);
    }

    public void codeSucceeded(UUID userId) {
        codes.remove(userId.toString());
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private static String pair(String account, String client) {
        return key(account) + "\n" + client;
    }

    private static boolean empty(Map<String, Bucket> buckets, String key) {
        Bucket bucket = buckets.get(key == null ? "" : key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build());
    }
}
