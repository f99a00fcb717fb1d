package dev.ratchet.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.ratchet.identity.domain.PasswordReset;
import dev.ratchet.identity.domain.PasswordResetRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.mail.Outbox;
import dev.ratchet.shared.Dates;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?": a single-use link by e-mail, valid for {@code ratchet.password-reset.valid-for} (30 minutes),
 * kept only as a hash. The request is answered the same way, at once, whether or not the address has an account: the
 * lookup and the message happen afterwards, in the background. Requests are limited per address (in the database, so
 * across instances) and per client. Using the link ends every session of the account and changes nothing else (API
 * tokens, second factor and memberships stay); the person is told by e-mail and the change is in the history.
 */
@Service
public class PasswordResets {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PasswordResets.class);
    private static final int MAX_TRACKED = 100_000;

    private final PasswordResetRepository resets;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Executor background;
    private final Duration validFor;
    private final int perAddressPerHour;
    private final int perClient;
    private final Duration clientWindow;
    private final String baseUrl;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    PasswordResets(PasswordResetRepository resets, UserRepository users, PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy, LoginThrottle throttle, Outbox outbox, Clock clock, TransactionTemplate transactions,
            @Value("${ratchet.password-reset.valid-for:PT30M}") Duration validFor,
            @Value("${ratchet.password-reset.per-address-per-hour:3}") int perAddressPerHour,
            @Value("${ratchet.password-reset.per-client:10}") int perClient,
            @Value("${ratchet.password-reset.client-window:PT15M}") Duration clientWindow,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.resets = resets;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = transactions;
        // A thread of its own per request (at most four at once): the page answers before the address is looked up.
        org.springframework.core.task.SimpleAsyncTaskExecutor executor = new org.springframework.core.task.SimpleAsyncTaskExecutor("password-reset-");
        executor.setConcurrencyLimit(4);
        this.background = executor;
        this.validFor = validFor;
        this.perAddressPerHour = perAddressPerHour;
        this.perClient = perClient;
        this.clientWindow = clientWindow;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
    }

    public Duration validFor() {
        return validFor;
    }

    /**
     * Asks for a link for the address. False only when this client asked too often (the answer then says to wait,
     * whatever the address); otherwise the same answer for every address, given before anything is looked up.
     */
    public boolean request(String email, String client) {
        Bucket bucket = clients.computeIfAbsent(client == null ? "" : client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perClient).refillGreedy(perClient, clientWindow).build()).build());
        if (clients.size() > MAX_TRACKED) {
            clients.clear();
        }
        if (!bucket.tryConsume(1)) {
            return false;
        }
        String address = User.normaliseEmail(email);
        if (address == null || address.isBlank() || address.length() > 254) {
            return true;
        }
        background.execute(() -> {
            try {
                transactions.executeWithoutResult(status -> send(address, client));
            }
            catch (RuntimeException e) {
                LOG.warn("A password reset link could not be prepared: {}", e.toString());
            }
        });
        return true;
    }

    private void send(String email, String client) {
        Optional<User> account = users.findByEmail(email).filter(User::isEnabled);
        if (account.isEmpty()) {
            return;
        }
        // One request for the account at a time, on any instance: the limit per address and "a newer link replaces the
        // older" hold even when requests arrive together.
        User user = users.lockById(account.get().getId()).orElseThrow();
        Instant now = clock.instant();
        if (resets.countByUserIdAndRequestedAtAfter(user.getId(), now.minus(Duration.ofHours(1))) >= perAddressPerHour) {
            LOG.info("Password reset for account {} not sent: {} requests in the last hour", user.getId(), perAddressPerHour);
            return;
        }
        resets.findByUserIdAndUsedAtIsNullAndExpiresAtAfter(user.getId(), now).forEach(r -> r.replaced(now));
        String token = Invitations.newToken();
        resets.save(new PasswordReset(user.getId(), Sha256.hex(token), client, now, now.plus(validFor)));
        outbox.queue(new Outbox.Mail(null, user.getEmail(), "Choose a new password",
                "Hello " + user.getDisplayName() + ",\n\n"
                        + "Someone asked to choose a new password for your Ratchet account (" + user.getEmail() + ") on "
                        + Dates.atUtc(now) + ".\n\n"
                        + "Choose a new password: " + baseUrl + "/password-reset/" + token + "\n\n"
                        + "Valid for: " + validFor.toMinutes() + " minutes (" + dev.ratchet.mail.MailHtml.ACCOUNT_MAIL + ")\n\n"
                        + "If it was not you, ignore this message: your password stays as it is.\n",
                validFor));
    }

    /** Whether a link can still be used, and if not, why (for its page). */
    public record Opened(String email, Instant expiresAt, String problem) {
    }

    public Optional<Opened> open(String rawToken) {
        return transactions.execute(status -> byToken(rawToken).map(r -> new Opened(
                users.findById(r.getUserId()).map(User::getEmail).orElse(""), r.getExpiresAt(), unusable(r))));
    }

    /** Sets the new password; every session of the account ends, and the person is told. */
    public UUID reset(String rawToken, String password, String confirmation) {
        return transactions.execute(status -> {
            PasswordReset reset = byToken(rawToken).orElseThrow(() -> Refused.notFound("Password reset"));
            String why = unusable(reset);
            if (why != null) {
                throw Refused.conflict(why);
            }
            User user = users.findById(reset.getUserId()).filter(User::isEnabled)
                    .orElseThrow(() -> Refused.conflict("This account cannot sign in any more: ask your administrator."));
            if (password == null || password.isEmpty()) {
                throw Refused.field("password", "Choose a password");
            }
            if (!password.equals(confirmation)) {
                throw Refused.field("confirmation", "The two passwords differ: type the same password twice");
            }
            passwordPolicy.check("password", password, user.getEmail(), user.getDisplayName());
            Instant now = clock.instant();
            Actors.as(user, now, () -> {
                user.changePassword(passwordEncoder.encode(password), now);
                reset.use(now);
                users.flush();
                resets.flush();
            });
            throttle.unlock(user.getEmail(), user.getId());
            outbox.queue(new Outbox.Mail(null, user.getEmail(), "Your password was changed",
                    "Hello " + user.getDisplayName() + ",\n\n"
                            + "The password of your Ratchet account (" + user.getEmail() + ") was changed on "
                            + Dates.atUtc(now) + " through a link sent to this address. Every "
                            + "browser that was signed in is signed out; API tokens and your second factor are unchanged.\n\n"
                            + "If it was not you, tell your Ratchet administrator at once.\n"));
            return user.getId();
        });
    }

    private String unusable(PasswordReset reset) {
        if (reset.getUsedAt() != null) {
            return "This link was used already. Sign in with your new password, or ask for a new link.";
        }
        if (!reset.usableAt(clock.instant())) {
            return "This link has expired (links work for " + validFor.toMinutes() + " minutes, and a newer request "
                    + "replaces an older one). Ask for a new one.";
        }
        return null;
    }

    private Optional<PasswordReset> byToken(String rawToken) {
        if (rawToken == null || rawToken.length() < 20 || rawToken.length() > 100) {
            return Optional.empty();
        }
        return resets.findByTokenHash(Sha256.hex(rawToken));
    }
}
