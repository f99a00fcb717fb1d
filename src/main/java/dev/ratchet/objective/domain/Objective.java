package dev.ratchet.objective.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ratchet.objective.Direction;
import dev.ratchet.objective.Frequency;
import dev.ratchet.objective.ObjectiveForm;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An information security objective with the measure, target and direction that say whether it is met. */
@Entity
public class Objective implements OrganisationScoped {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    private String measure;

    private String unit;

    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    private Frequency frequency;

    private UUID ownerId;

    private String dataSource;

    private String status;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Objective() {
    }

    public Objective(UUID organisationId, String reference, ObjectiveForm form, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.status = ACTIVE;
        this.createdAt = now;
        apply(form);
    }

    public void apply(ObjectiveForm form) {
        this.title = form.getTitle().strip();
        this.measure = form.getMeasure().strip();
        this.unit = form.getUnit() == null || form.getUnit().isBlank() ? null : form.getUnit().strip();
        this.target = form.getTarget();
        this.direction = form.getDirection();
        this.frequency = form.getFrequency();
        this.ownerId = form.getOwnerId();
        this.dataSource = form.getDataSource() == null || form.getDataSource().isBlank() ? null : form.getDataSource().strip();
    }

    public void retire() {
        this.status = RETIRED;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getMeasure() { return measure; }
    public String getUnit() { return unit; }
    public BigDecimal getTarget() { return target; }
    public Direction getDirection() { return direction; }
    public Frequency getFrequency() { return frequency; }
    public UUID getOwnerId() { return ownerId; }
    public String getDataSource() { return dataSource; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
