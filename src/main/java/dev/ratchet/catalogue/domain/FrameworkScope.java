package dev.ratchet.catalogue.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The frameworks an organisation has chosen besides ISO/IEC 27001 (always in scope); history shows each choice. */
@Entity
public class FrameworkScope implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    /** Framework ids separated by commas, in the catalogue's order; null when none besides ISO/IEC 27001. */
    private String frameworks;

    private Instant changedAt;

    private UUID changedBy;

    @Version
    private long version;

    protected FrameworkScope() {
    }

    public FrameworkScope(UUID organisationId) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
    }

    public void choose(List<String> frameworkIds, UUID by, Instant now) {
        this.frameworks = frameworkIds.isEmpty() ? null : String.join(",", frameworkIds);
        this.changedBy = by;
        this.changedAt = now;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public List<String> getFrameworks() { return frameworks == null ? List.of() : Arrays.asList(frameworks.split(",")); }
    public Instant getChangedAt() { return changedAt; }
    public UUID getChangedBy() { return changedBy; }
    public long getVersion() { return version; }
}
