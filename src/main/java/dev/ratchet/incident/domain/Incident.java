package dev.ratchet.incident.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.ratchet.incident.Category;
import dev.ratchet.incident.Severity;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One information security incident as the organisation learns from it. */
@Entity
public class Incident implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    private Instant occurredAt;

    private Instant detectedAt;

    private Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String affectedAssets;

    private String areaIds;

    private String summary;

    private String response;

    private String lessonsLearned;

    /** When the organisation became aware of the incident: NIS2 and DORA reporting deadlines run from here. */
    private Instant awareAt;

    private boolean nis2Significant;

    private boolean doraMajor;

    /** The DORA classification criteria met, separated by commas. */
    private String doraCriteria;

    private Instant classifiedAt;

    private UUID classifiedBy;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Incident() {
    }

    public Incident(UUID organisationId, String reference, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Sets what happened; times must follow each other. */
    public Incident describe(String title, Instant occurredAt, Instant detectedAt, Instant resolvedAt, Category category,
            Severity severity, String affectedAssets, List<UUID> areaIds, String summary, String response, String lessonsLearned) {
        if (occurredAt != null && detectedAt != null && detectedAt.isBefore(occurredAt)) {
            throw Refused.field("detectedAt", "It cannot be detected before it occurred");
        }
        if (resolvedAt != null && detectedAt != null && resolvedAt.isBefore(detectedAt)) {
            throw Refused.field("resolvedAt", "It cannot be resolved before it was detected");
        }
        this.title = title.strip();
        this.occurredAt = occurredAt;
        this.detectedAt = detectedAt;
        this.resolvedAt = resolvedAt;
        this.category = category;
        this.severity = severity;
        this.affectedAssets = blankToNull(affectedAssets);
        List<String> areas = areaIds == null ? List.of() : areaIds.stream().filter(Objects::nonNull).distinct().map(UUID::toString).toList();
        this.areaIds = areas.isEmpty() ? null : String.join(",", areas);
        this.summary = summary.strip();
        this.response = blankToNull(response);
        this.lessonsLearned = blankToNull(lessonsLearned);
        return this;
    }

    /**
     * Classifies the incident under NIS2 (significant) and DORA (major, from the criteria met), from the moment the
     * organisation became aware of it. A classification once made stays: its reports are owed.
     */
    public void classify(Instant awareAt, boolean nis2Significant, java.util.Collection<dev.ratchet.incident.DoraCriterion> criteria,
            UUID by, Instant now) {
        if (awareAt == null) {
            throw Refused.field("awareAt", "Say when the organisation became aware of the incident: the deadlines run from then");
        }
        if (awareAt.isAfter(now.plusSeconds(60))) {
            throw Refused.field("awareAt", "The organisation cannot become aware of it in the future");
        }
        if (this.awareAt != null && !this.awareAt.equals(awareAt)) {
            throw Refused.field("awareAt", "The deadlines already run from the time of awareness recorded before; it stays as it was");
        }
        boolean major = dev.ratchet.incident.DoraCriterion.major(criteria);
        if (this.nis2Significant && !nis2Significant || this.doraMajor && !major) {
            throw Refused.conflict("A classification once made stays: its reports are owed (record why in the incident's response instead)");
        }
        this.awareAt = awareAt;
        this.nis2Significant = nis2Significant;
        this.doraMajor = major;
        this.doraCriteria = criteria.isEmpty() ? null : String.join(",", criteria.stream().distinct().sorted().map(Enum::name).toList());
        this.classifiedAt = now;
        this.classifiedBy = by;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getDetectedAt() { return detectedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Category getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public String getAffectedAssets() { return affectedAssets; }
    public List<UUID> getAreaIds() {
        return areaIds == null ? List.of() : Arrays.stream(areaIds.split(",")).map(UUID::fromString).toList();
    }
    public String getSummary() { return summary; }
    public String getResponse() { return response; }
    public String getLessonsLearned() { return lessonsLearned; }
    public Instant getAwareAt() { return awareAt; }
    public boolean isNis2Significant() { return nis2Significant; }
    public boolean isDoraMajor() { return doraMajor; }
    public List<dev.ratchet.incident.DoraCriterion> getDoraCriteria() {
        return doraCriteria == null ? List.of() : Arrays.stream(doraCriteria.split(",")).map(dev.ratchet.incident.DoraCriterion::valueOf).toList();
    }
    public Instant getClassifiedAt() { return classifiedAt; }
    public UUID getClassifiedBy() { return classifiedBy; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
