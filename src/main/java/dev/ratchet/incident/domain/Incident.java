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
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
