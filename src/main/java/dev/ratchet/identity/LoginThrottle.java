package dev.ratchet.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: a few failed sign-ins per account and a few more per address, refilled slowly.
 * While either bucket is empty, sign-in is refused without checking the password. One-time codes have a bucket of
 * their own per account, so a stolen password cannot be followed by guessing codes. Buckets live in this instance's
 * memory; several instances each keep their own, which still bounds guessing.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Bucket> codes = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(@Value("${ratchet.login.failures-per-account:5}") int perAccount,
            @Value("${ratchet.login.failures-per-address:20}") int perAddress,
            @Value("${ratchet.login.failure-window:PT15M}") Duration window) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Whether the account's one-time codes are throttled: too many wrong ones lately, whatever session sent them. */
    public boolean codesBlocked(java.util.UUID userId) {
        return empty(codes, userId.toString());
    }

    /** A wrong one-time code; true when the account's codes are throttled from now on. */
    public boolean codeFailed(java.util.UUID userId) {
        bucket(codes, userId.toString(), perAccount).tryConsume(1);
        return codesBlocked(userId);
    }

    public void codeSucceeded(java.util.UUID userId) {
        codes.remove(userId.toString());
    }

    public boolean isBlocked(String account, String address) {
        return empty(accounts, key(account)) || empty(addresses, address);
    }

    public void failed(String account, String address) {
        bucket(accounts, key(account), perAccount).tryConsume(1);
        bucket(addresses, address, perAddress).tryConsume(1);
    }

    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT);
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
