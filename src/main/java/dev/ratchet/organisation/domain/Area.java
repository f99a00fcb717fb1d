package dev.ratchet.organisation.domain;

import java.util.UUID;

import dev.ratchet.organisation.AreaForm;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An area or process of the organisation, with an owner: audits and improvement records refer to it. */
@Entity
public class Area implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private String name;

    private String description;

    private UUID ownerId;

    @Version
    private long version;

    protected Area() {
    }

    public Area(UUID organisationId, AreaForm form) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        apply(form);
    }

    public void apply(AreaForm form) {
        this.name = form.getName().strip();
        this.description = Organisation.blankToNull(form.getDescription());
        this.ownerId = form.getOwnerId();
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public UUID getOwnerId() { return ownerId; }
    public long getVersion() { return version; }
}
