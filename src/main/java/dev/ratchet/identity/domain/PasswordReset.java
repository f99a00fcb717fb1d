package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryRedacted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A request to choose a new password: a single-use link, valid for a short time; only its hash is kept. */
@Entity
public class PasswordReset {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID userId;

    @HistoryRedacted
    @Column(updatable = false)
    private String tokenHash;

    /** Where the request came from (the client's address), for the history. */
    @Column(updatable = false)
    private String client;

    @Column(updatable = false)
    private Instant requestedAt;

    private Instant expiresAt;

    private Instant usedAt;

    @Version
    private long version;

    protected PasswordReset() {
    }

    public PasswordReset(UUID userId, String tokenHash, String client, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.client = client == null || client.length() <= 100 ? client : client.substring(0, 100);
        this.requestedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    /** A newer request replaces this one: its link stops working. */
    public void replaced(Instant now) {
        if (usedAt == null && expiresAt.isAfter(now)) {
            this.expiresAt = now;
        }
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
}
