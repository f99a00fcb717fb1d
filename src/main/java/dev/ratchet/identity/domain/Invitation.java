package dev.ratchet.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.Role;
import dev.ratchet.shared.HistoryRedacted;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An organisation asks someone new to Ratchet to join it: the roles are the administrator's choice, the password the
 * person's own, set through a single-use link (only its hash is kept). Gives no access until it is accepted.
 */
@Entity
public class Invitation implements OrganisationScoped {

    public enum State { PENDING, EXPIRED, ACCEPTED, WITHDRAWN }

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String email;

    private String displayName;

    @Convert(converter = RoleSetConverter.class)
    private Set<Role> roles;

    private UUID lineManagerId;

    private LocalDate accessUntil;

    @HistoryRedacted
    private String tokenHash;

    private Instant expiresAt;

    @Column(updatable = false)
    private UUID invitedBy;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant sentAt;

    private int timesSent;

    private Instant acceptedAt;

    private UUID userId;

    private Instant withdrawnAt;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(UUID organisationId, String email, String displayName, Set<Role> roles, UUID lineManagerId,
            LocalDate accessUntil, UUID invitedBy, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.email = email;
        this.displayName = displayName.strip();
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.lineManagerId = lineManagerId;
        this.accessUntil = accessUntil;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        sendAgain(tokenHash, now, expiresAt);
        this.timesSent = 1;
    }

    public State stateAt(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (withdrawnAt != null) {
            return State.WITHDRAWN;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    /** A new link replaces the old one, which stops working at once. */
    public void sendAgain(String newTokenHash, Instant now, Instant newExpiry) {
        requireOpen();
        this.tokenHash = newTokenHash;
        this.sentAt = now;
        this.expiresAt = newExpiry;
        this.timesSent++;
    }

    public void withdraw(Instant now) {
        requireOpen();
        this.withdrawnAt = now;
    }

    public void accepted(UUID userId, Instant now) {
        requireOpen();
        this.userId = userId;
        this.acceptedAt = now;
    }

    private void requireOpen() {
        if (acceptedAt != null) {
            throw Refused.conflict(displayName + " accepted the invitation already and is a member");
        }
        if (withdrawnAt != null) {
            throw Refused.conflict("The invitation to " + email + " was withdrawn");
        }
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public Set<Role> getRoles() { return java.util.Collections.unmodifiableSet(roles); }
    public UUID getLineManagerId() { return lineManagerId; }
    public LocalDate getAccessUntil() { return accessUntil; }
    public Instant getExpiresAt() { return expiresAt; }
    public UUID getInvitedBy() { return invitedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public int getTimesSent() { return timesSent; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public long getVersion() { return version; }
}
