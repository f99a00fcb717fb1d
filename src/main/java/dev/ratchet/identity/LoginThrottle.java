package dev.ratchet.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * The counts live in the database ({@link JdbcThrottleStore}), so every instance behind a balancer counts the same
 * failures: switching instances gives a guesser nothing.
 */
@Component
public class LoginThrottle {

    private static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration KEPT = Duration.ofDays(1);

    private final ThrottleStore store;
    private final int perClient;
    private final int perAddress;
    private final int slowAfter;
    private final Duration window;
    private final Clock clock;

    @Autowired
    LoginThrottle(ThrottleStore store, @Value("${ratchet.login.failures-per-account:5}") int perClient,
            @Value("${ratchet.login.failures-per-address:100}") int perAddress,
            @Value("${ratchet.login.slow-down-after:10}") int slowAfter,
            @Value("${ratchet.login.failure-window:PT15M}") Duration window, Clock clock) {
        this.store = store;
        this.perClient = perClient;
        this.perAddress = perAddress;
        this.slowAfter = slowAfter;
        this.window = window;
        this.clock = clock;
    }

    /** The rules alone, with the counts in this object's memory (unit tests). */
    LoginThrottle(int perClient, int perAddress, int slowAfter, Duration window, Clock clock) {
        this(new ThrottleStore.InMemory(), perClient, perAddress, slowAfter, window, clock);
    }

    /**
     * Whether a try is refused without checking the password. {@code trusted}: from a known device of the account, or
     * for an account with a second factor; such a try is not held up by the account's slowdown.
     */
    public boolean isBlocked(String account, String client, String address, boolean trusted) {
        return empty(clientKey(account, client), perClient) || empty(addressKey(address), perAddress)
                || !trusted && delayed(account);
    }

    /** A wrong password; the account's failures in the window so far (from {@link #slowAfter()} on, tries slow down). */
    public int failed(String account, String client, String address) {
        Instant now = clock.instant();
        store.take(clientKey(account, client), perClient, window, now);
        store.take(addressKey(address), perAddress, window, now);
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            store.forgetOlderThan(now.minus(KEPT));
        }
        return store.fail(accountKey(account), window, now).failures();
    }

    /** How many failures in the window start the account's slowdown. */
    public int slowAfter() {
        return slowAfter;
    }

    /** The person signed in: their client and account start afresh. */
    public void succeeded(String account, String client) {
        store.forget(clientKey(account, client));
        store.forget(accountKey(account));
    }

    /** An administrator (or a password reset) lets the person try again at once, from anywhere, on every instance. */
    public void unlock(String account, UUID userId) {
        store.forgetStartingWith("client:" + key(account) + "\n");
        store.forget(accountKey(account));
        store.forget(codeKey(userId));
    }

    /** Until when an account's untrusted tries wait, or null when they do not. */
    public Instant delayedUntil(String account) {
        ThrottleStore.Slowdown s = store.slowdown(accountKey(account)).orElse(null);
        Instant now = clock.instant();
        if (s == null || s.failures() < slowAfter || s.last().plus(window).isBefore(now)) {
            return null;
        }
        long seconds = Math.min(MAX_DELAY.getSeconds(), 1L << Math.min(20, s.failures() - slowAfter + 1));
        Instant until = s.last().plusSeconds(seconds);
        return until.isAfter(now) ? until : null;
    }

    private boolean delayed(String account) {
        return delayedUntil(account) != null;
    }

    /** Whether the account's one-time codes are throttled: too many wrong ones lately, whatever session sent them. */
    public boolean codesBlocked(UUID userId) {
        return empty(codeKey(userId), perClient);
    }

    /** A wrong one-time code; true when the account's codes are throttled from now on. */
    public boolean codeFailed(UUID userId) {
        store.take(codeKey(userId), perClient, window, clock.instant());
        return codesBlocked(userId);
    }

    public void codeSucceeded(UUID userId) {
        store.forget(codeKey(userId));
    }

    private boolean empty(String key, int capacity) {
        return store.bucket(key).map(b -> b.now(capacity, window, clock.instant()) < 1).orElse(false);
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String account, String client) {
        return "client:" + key(account) + "\n" + client;
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static String accountKey(String account) {
        return "account:" + key(account);
    }

    private static String codeKey(UUID userId) {
        return "code:" + userId;
    }
}
