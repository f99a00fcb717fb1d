package dev.ratchet.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.Role;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A person's place in one organisation: roles, line manager (for escalations), and until when a guest may look. */
@Entity
public class Membership implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID userId;

    @Convert(converter = RoleSetConverter.class)
    private Set<Role> roles;

    private UUID lineManagerId;

    private boolean active;

    private LocalDate accessUntil;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(UUID organisationId, UUID userId, Set<Role> roles, UUID lineManagerId, LocalDate accessUntil,
            Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.userId = userId;
        this.active = true;
        this.createdAt = now;
        change(roles, lineManagerId, accessUntil);
    }

    public void change(Set<Role> roles, UUID lineManagerId, LocalDate accessUntil) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.lineManagerId = lineManagerId;
        this.accessUntil = accessUntil;
    }

    /** Guests lose access the day after their access ends; everyone else while the membership is active. */
    public boolean grantsAccessOn(LocalDate day) {
        return active && (accessUntil == null || !day.isAfter(accessUntil));
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public Set<Role> getRoles() { return java.util.Collections.unmodifiableSet(roles); }
    public UUID getLineManagerId() { return lineManagerId; }
    public boolean isActive() { return active; }
    public LocalDate getAccessUntil() { return accessUntil; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
