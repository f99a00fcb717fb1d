package dev.ratchet.identity.domain;

import java.time.Instant;
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

/**
 * A group the identity provider pushes (its members in {@code scim_group_member}), with the Ratchet roles an
 * administrator gives it: a provisioned person holds the roles of all their groups.
 */
@Entity
public class ScimGroup implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private String displayName;

    private String externalId;

    @Convert(converter = RoleSetConverter.class)
    private Set<Role> roles;

    @Column(updatable = false)
    private Instant createdAt;

    @dev.ratchet.shared.HistoryIgnored
    private Instant updatedAt;

    @Version
    private long version;

    protected ScimGroup() {
    }

    public ScimGroup(UUID organisationId, String displayName, String externalId, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.roles = EnumSet.noneOf(Role.class);
        this.createdAt = now;
        describe(displayName, externalId, now);
    }

    public void describe(String displayName, String externalId, Instant now) {
        this.displayName = displayName.strip();
        this.externalId = externalId;
        this.updatedAt = now;
    }

    public void grant(Set<Role> roles, Instant now) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.updatedAt = now;
    }

    public void touched(Instant now) {
        this.updatedAt = now;
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getExternalId() { return externalId; }
    public Set<Role> getRoles() { return java.util.Collections.unmodifiableSet(roles); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
