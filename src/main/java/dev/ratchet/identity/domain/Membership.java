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

    /** Set while the person has not accepted: the membership gives no access until they do. */
    private Instant invitedAt;

    /** The identity provider's id of the person (SCIM externalId). */
    private String externalId;

    /** Whether the identity provider manages this membership's roles (through its groups). */
    private boolean provisioned;

    /** When the identity provider deleted the membership: kept without access, no longer listed to the provider. */
    private Instant deprovisionedAt;

    /** The provider's issuer and subject this membership signs in with (single sign-on), once it has. */
    private String ssoSubject;

    /** An administrator who keeps a password when the organisation signs in by single sign-on only. */
    private boolean breakGlass;

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

    /**
     * The membership of someone who already has an account, added by another organisation's administrator: it waits,
     * without access, for the person to accept it.
     */
    public static Membership invited(UUID organisationId, UUID userId, Set<Role> roles, UUID lineManagerId, LocalDate accessUntil,
            Instant now) {
        Membership membership = new Membership(organisationId, userId, roles, lineManagerId, accessUntil, now);
        membership.active = false;
        membership.invitedAt = now;
        return membership;
    }

    /** A membership the identity provider makes (SCIM): active at once, its roles the provider's groups'. */
    public static Membership provisioned(UUID organisationId, UUID userId, Set<Role> roles, String externalId, Instant now) {
        Membership membership = new Membership(organisationId, userId, roles, null, null, now);
        membership.provisioned = true;
        membership.externalId = externalId;
        return membership;
    }

    /** Deleted by the provider before, provisioned again: the same membership, with access. */
    public void provisionAgain(String externalId) {
        this.deprovisionedAt = null;
        this.provisioned = true;
        this.active = true;
        if (externalId != null) {
            this.externalId = externalId;
        }
    }

    public void identify(String externalId) {
        this.externalId = externalId;
    }

    public void deprovision(Instant now) {
        this.active = false;
        this.deprovisionedAt = now;
    }

    /** The person accepts the invitation: from now on the membership gives access. */
    public void accept() {
        if (invitedAt == null) {
            throw dev.ratchet.shared.Refused.conflict("This membership is not waiting for you to accept it");
        }
        this.invitedAt = null;
        this.active = true;
    }

    public boolean isInvited() {
        return invitedAt != null;
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

    /** The first single sign-on links the provider's account to the membership; it stays linked. */
    public void linkSso(String subject) {
        this.ssoSubject = subject;
    }

    public void breakGlass(boolean breakGlass) {
        this.breakGlass = breakGlass;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        if (invitedAt != null) {
            throw dev.ratchet.shared.Refused.conflict("The person has not accepted the invitation yet: only they can");
        }
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
    public Instant getInvitedAt() { return invitedAt; }
    public long getVersion() { return version; }
    public String getExternalId() { return externalId; }
    public boolean isProvisioned() { return provisioned; }
    public Instant getDeprovisionedAt() { return deprovisionedAt; }
    public String getSsoSubject() { return ssoSubject; }
    public boolean isBreakGlass() { return breakGlass; }
}
