package dev.ratchet.obligation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.obligation.ObligationForm;
import dev.ratchet.obligation.ObligationType;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A legal, regulatory, contractual or standards obligation and when it is reviewed. */
@Entity
public class Obligation implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "obligation_type")
    private ObligationType type;

    private String jurisdiction;

    private String source;

    private String howItApplies;

    private UUID ownerId;

    private LocalDate nextReviewDate;

    private LocalDate lastReviewedOn;

    private String lastReviewNote;

    /** The controls and requirements it calls for, as history shows them; {@link #requirementIndex} mirrors them. */
    private String requirements;

    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "obligation_requirement", joinColumns = @jakarta.persistence.JoinColumn(name = "obligation_id"))
    @Column(name = "requirement")
    @dev.ratchet.shared.HistoryIgnored
    private java.util.Set<String> requirementIndex = new java.util.HashSet<>();

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Obligation() {
    }

    public Obligation(UUID organisationId, String reference, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.createdAt = now;
    }

    /** The form's requirements, resolved to catalogue references by the service. */
    public Obligation describe(ObligationForm form, java.util.Collection<String> resolvedRequirements) {
        java.util.Set<String> refs = new java.util.TreeSet<>(resolvedRequirements);
        this.requirements = refs.isEmpty() ? null : String.join(",", refs);
        this.requirementIndex.clear();
        this.requirementIndex.addAll(refs);
        return describe(form);
    }

    private Obligation describe(ObligationForm form) {
        this.name = form.getName().strip();
        this.type = form.getType();
        this.jurisdiction = form.getJurisdiction() == null || form.getJurisdiction().isBlank() ? null : form.getJurisdiction().strip();
        this.source = form.getSource().strip();
        this.howItApplies = form.getHowItApplies().strip();
        this.ownerId = form.getOwnerId();
        this.nextReviewDate = form.getNextReviewDate();
        return this;
    }

    public void reviewed(LocalDate on, String note, LocalDate next) {
        this.lastReviewedOn = on;
        this.lastReviewNote = note.strip();
        this.nextReviewDate = next;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getName() { return name; }
    public ObligationType getType() { return type; }
    public String getJurisdiction() { return jurisdiction; }
    public String getSource() { return source; }
    public String getHowItApplies() { return howItApplies; }
    public UUID getOwnerId() { return ownerId; }
    public LocalDate getNextReviewDate() { return nextReviewDate; }
    public LocalDate getLastReviewedOn() { return lastReviewedOn; }
    public String getLastReviewNote() { return lastReviewNote; }
    public java.util.List<String> getRequirements() { return requirements == null ? java.util.List.of() : java.util.List.of(requirements.split(",")); }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
