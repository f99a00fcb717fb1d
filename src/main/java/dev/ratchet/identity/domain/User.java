package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryRedacted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person's account. It belongs to no organisation: memberships say where the person works and in which roles. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    private UUID id;

    private String email;

    private String displayName;

    @HistoryRedacted
    private String passwordHash;

    private boolean enabled;

    @HistoryRedacted
    private String totpSecret;

    /** The time step of the last one-time code accepted; written only by {@code UserRepository.spendTotpStep}. */
    @jakarta.persistence.Column(insertable = false, updatable = false)
    @dev.ratchet.shared.HistoryIgnored
    private Long totpLastStep;

    @HistoryRedacted
    private String calendarTokenHash;

    private boolean digestMuted;

    /** When the ten recovery codes of the second factor were last issued (their hashes are in recovery_code). */
    private Instant recoveryCodesIssuedAt;

    /** When a recovery code last stood in for the second factor. */
    private Instant recoveryCodeUsedAt;

    /** Sessions that began before this moment are over: set when the account is disabled or the password changes. */
    private Instant sessionsValidFrom;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String email, String displayName, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.email = normaliseEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.sessionsValidFrom = now;
        this.createdAt = now;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.sessionsValidFrom = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.sessionsValidFrom = now;
    }

    public void enable() {
        this.enabled = true;
    }

    public void rename(String displayName) {
        this.displayName = displayName.strip();
    }

    public void enrolTotp(String secret) {
        this.totpSecret = secret;
    }

    public void removeTotp() {
        this.totpSecret = null;
        this.recoveryCodesIssuedAt = null;
    }

    public void recoveryCodesIssued(Instant now) {
        this.recoveryCodesIssuedAt = now;
    }

    public void recoveryCodeUsed(Instant now) {
        this.recoveryCodeUsedAt = now;
    }

    public Instant getRecoveryCodesIssuedAt() {
        return recoveryCodesIssuedAt;
    }

    public void useCalendarToken(String hash) {
        this.calendarTokenHash = hash;
    }

    public boolean hasCalendarFeed() {
        return calendarTokenHash != null;
    }

    public void muteDigest(boolean muted) {
        this.digestMuted = muted;
    }

    public boolean isDigestMuted() {
        return digestMuted;
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    public UUID getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public String getTotpSecret() { return totpSecret; }
    public Instant getSessionsValidFrom() { return sessionsValidFrom; }
    public long getVersion() { return version; }
}
