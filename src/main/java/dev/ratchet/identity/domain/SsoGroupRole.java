package dev.ratchet.identity.domain;

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

/** A group (or role) the provider names in its groups claim, and the Ratchet roles it gives at each sign-in. */
@Entity
public class SsoGroupRole implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String groupName;

    @Convert(converter = RoleSetConverter.class)
    private Set<Role> roles;

    @Version
    private long version;

    protected SsoGroupRole() {
    }

    public SsoGroupRole(UUID organisationId, String groupName, Set<Role> roles) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.groupName = groupName;
        grant(roles);
    }

    public void grant(Set<Role> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getGroupName() { return groupName; }
    public Set<Role> getRoles() { return java.util.Collections.unmodifiableSet(roles); }
    public long getVersion() { return version; }
}
