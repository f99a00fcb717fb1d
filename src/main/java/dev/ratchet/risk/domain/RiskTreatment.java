package dev.ratchet.risk.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A treatment action of a risk (the action itself lives in the action tracker) and the controls it implements. */
@Entity
public class RiskTreatment implements OrganisationScoped, dev.ratchet.shared.HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID riskId;

    @Column(updatable = false)
    private UUID actionId;

    @Column(updatable = false)
    private String controls;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected RiskTreatment() {
    }

    public RiskTreatment(Risk risk, UUID actionId, Collection<String> controls, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = risk.getOrganisationId();
        this.riskId = risk.getId();
        this.actionId = actionId;
        this.controls = controls.isEmpty() ? null : String.join(",", new TreeSet<>(controls));
        this.createdAt = now;
    }

    @Override
    public String historyParentId() { return riskId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getRiskId() { return riskId; }
    public UUID getActionId() { return actionId; }
    public List<String> getControls() { return controls == null ? List.of() : List.of(controls.split(",")); }
    public Instant getCreatedAt() { return createdAt; }
}
