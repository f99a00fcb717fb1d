package dev.ratchet.organisation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ratchet.organisation.AreaRisk;

import dev.ratchet.organisation.AreaForm;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    private AreaRisk risk;

    /** The people who work in the area, comma-separated user ids. */
    private String memberIds;

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
        this.risk = form.getRisk();
        List<String> members = form.getMemberIds().stream().filter(java.util.Objects::nonNull).distinct().map(UUID::toString).toList();
        this.memberIds = members.isEmpty() ? null : String.join(",", members);
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public UUID getOwnerId() { return ownerId; }
    public AreaRisk getRisk() { return risk; }
    public List<UUID> getMemberIds() {
        return memberIds == null ? List.of() : Arrays.stream(memberIds.split(",")).map(UUID::fromString).toList();
    }
    public long getVersion() { return version; }
}
