package dev.ratchet.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.review.InputsForm;
import dev.ratchet.review.ReviewStatus;
import dev.ratchet.shared.HistoryRedacted;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One management review: when, for which period, the inputs written by hand, and the pack frozen at its start. */
@Entity
public class ManagementReview implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private String title;

    private LocalDate plannedDate;

    private LocalDate periodFrom;

    @Enumerated(EnumType.STRING)
    private ReviewStatus status;

    private String externalInternalIssues;

    private String interestedParties;

    private String riskAssessment;

    /** The input pack as the meeting saw it (JSON); its content is long, the history records that it was frozen. */
    @HistoryRedacted
    private String pack;

    private Instant startedAt;

    private UUID approvedBy;

    /** Attendance: team members (and others of the organisation) present and those who sent apologies. */
    private String presentIds;

    private String apologyIds;

    /** Attendees from outside the organisation's members, such as an external consultant. */
    private String otherAttendees;

    private Instant approvedAt;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ManagementReview() {
    }

    public ManagementReview(UUID organisationId, String reference, String title, LocalDate plannedDate, LocalDate periodFrom,
            UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.title = title.strip();
        this.plannedDate = plannedDate;
        this.periodFrom = periodFrom;
        this.status = ReviewStatus.PLANNED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void write(InputsForm form) {
        requirePlanned("The inputs");
        this.externalInternalIssues = blankToNull(form.getExternalInternalIssues());
        this.interestedParties = blankToNull(form.getInterestedParties());
        this.riskAssessment = blankToNull(form.getRiskAssessment());
    }

    /**
     * The meeting starts on the day it is held, which becomes the review's date (and the end of the period its pack
     * covers); the pack is then frozen with {@link #freeze}.
     */
    public void start(LocalDate heldOn, Instant now) {
        requirePlanned("Starting the meeting");
        this.plannedDate = heldOn;
        if (periodFrom.isAfter(heldOn)) {
            this.periodFrom = heldOn;
        }
        this.status = ReviewStatus.IN_MEETING;
        this.startedAt = now;
    }

    /** The pack as the meeting sees it: stored once, so the minutes always show what management saw. */
    public void freeze(String frozenPack) {
        if (pack != null) {
            throw Refused.conflict("The pack is frozen already");
        }
        this.pack = frozenPack;
    }

    /** Attendance, recorded in the meeting. */
    public void attend(java.util.List<UUID> present, java.util.List<UUID> apologies, String others) {
        requireInMeeting();
        this.presentIds = join(present);
        this.apologyIds = join(apologies);
        this.otherAttendees = blankToNull(others);
    }

    /** The minutes are written while the meeting runs; once approved they are locked. */
    public void requireInMeeting() {
        if (status != ReviewStatus.IN_MEETING) {
            throw Refused.conflict(status == ReviewStatus.APPROVED
                    ? "The minutes are approved and locked: record a correction as an amendment"
                    : "The minutes are written once the meeting has started");
        }
    }

    private static String join(java.util.List<UUID> ids) {
        java.util.List<String> list = ids.stream().filter(java.util.Objects::nonNull).distinct().map(UUID::toString).toList();
        return list.isEmpty() ? null : String.join(",", list);
    }

    private static java.util.List<UUID> split(String ids) {
        return ids == null ? java.util.List.of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
    }

    /** The chair approves the minutes: from then on the review is locked. */
    public void approve(UUID chair, Instant now) {
        if (status != ReviewStatus.IN_MEETING) {
            throw Refused.conflict(status == ReviewStatus.APPROVED ? "The minutes are approved already" : "Start the meeting before approving its minutes");
        }
        this.status = ReviewStatus.APPROVED;
        this.approvedBy = chair;
        this.approvedAt = now;
    }

    private void requirePlanned(String what) {
        if (status != ReviewStatus.PLANNED) {
            throw Refused.conflict(what + ": the meeting has started and its pack is frozen");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public ReviewStatus getStatus() { return status; }
    public String getExternalInternalIssues() { return externalInternalIssues; }
    public String getInterestedParties() { return interestedParties; }
    public String getRiskAssessment() { return riskAssessment; }
    public String getPack() { return pack; }
    public Instant getStartedAt() { return startedAt; }
    public UUID getApprovedBy() { return approvedBy; }
    public java.util.List<UUID> getPresentIds() { return split(presentIds); }
    public java.util.List<UUID> getApologyIds() { return split(apologyIds); }
    public String getOtherAttendees() { return otherAttendees; }
    public Instant getApprovedAt() { return approvedAt; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
