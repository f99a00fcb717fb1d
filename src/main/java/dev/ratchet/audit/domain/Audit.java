package dev.ratchet.audit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditStatus;
import dev.ratchet.audit.AuditType;
import dev.ratchet.audit.CertificationStage;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One audit of the programme: what it covers, against which criteria, when, and where it stands. */
@Entity
public class Audit implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private UUID programmeId;

    @Column(updatable = false)
    private String reference;

    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "audit_type")
    private AuditType type;

    @Enumerated(EnumType.STRING)
    private CertificationStage certificationStage;

    private String certificationBody;

    private String party;

    private String contractReference;

    private String objectives;

    private String criteria;

    /** The areas and processes in scope, comma-separated ids. */
    private String areaIds;

    private LocalDate plannedStart;

    private LocalDate plannedEnd;

    @Enumerated(EnumType.STRING)
    private AuditStatus status;

    private String cancelReason;

    private String conclusion;

    private Instant startedAt;

    private Instant reportedAt;

    private Instant closedAt;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Audit() {
    }

    public Audit(UUID organisationId, UUID programmeId, String reference, AuditForm form, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = AuditStatus.PLANNED;
        plan(programmeId, form);
    }

    /** Sets what is planned; checks that the plan is whole for its type. */
    public void plan(UUID programmeId, AuditForm form) {
        if (!status.isOpen()) {
            throw Refused.conflict("A " + status.label().toLowerCase() + " audit keeps its plan");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.getPlannedStart() != null && form.getPlannedEnd() != null && form.getPlannedEnd().isBefore(form.getPlannedStart())) {
            errors.put("plannedEnd", "The window ends before it starts");
        }
        if (form.getType() == AuditType.CERTIFICATION) {
            if (form.getCertificationStage() == null) {
                errors.put("certificationStage", "Say which audit of the certification cycle this is");
            }
            if (blank(form.getCertificationBody())) {
                errors.put("certificationBody", "Name the certification body");
            }
        }
        if (form.getType() == AuditType.CLIENT_OR_THIRD_PARTY && blank(form.getParty())) {
            errors.put("party", "Name the client or party who audits");
        }
        if (status == AuditStatus.IN_PROGRESS && type != form.getType()) {
            errors.put("type", "An audit in progress keeps its type");
        }
        if (!errors.isEmpty()) {
            throw Refused.fields(errors);
        }
        this.programmeId = programmeId;
        this.title = form.getTitle().strip();
        this.type = form.getType();
        this.certificationStage = type == AuditType.CERTIFICATION ? form.getCertificationStage() : null;
        this.certificationBody = type == AuditType.CERTIFICATION ? strip(form.getCertificationBody()) : null;
        this.party = type == AuditType.CLIENT_OR_THIRD_PARTY ? strip(form.getParty()) : null;
        this.contractReference = type == AuditType.CLIENT_OR_THIRD_PARTY ? strip(form.getContractReference()) : null;
        this.objectives = form.getObjectives().strip();
        this.criteria = form.getCriteria().strip();
        List<String> areas = form.getAreaIds().stream().filter(Objects::nonNull).distinct().map(UUID::toString).toList();
        this.areaIds = areas.isEmpty() ? null : String.join(",", areas);
        this.plannedStart = form.getPlannedStart();
        this.plannedEnd = form.getPlannedEnd();
    }

    public void start(Instant now) {
        requireStatus(AuditStatus.PLANNED, "Starting the audit");
        if (type == AuditType.CLIENT_OR_THIRD_PARTY && contractReference == null) {
            throw Refused.missing("Starting a client or third-party audit", Map.of("contractReference",
                    "the reference of the contract or NDA that covers it: no one audits us without one"));
        }
        this.status = AuditStatus.IN_PROGRESS;
        this.startedAt = now;
    }

    public void report(String conclusion, Instant now) {
        requireStatus(AuditStatus.IN_PROGRESS, "Reporting the audit");
        if (blank(conclusion)) {
            throw Refused.missing("Reporting the audit", Map.of("text", "the audit's conclusion for the report"));
        }
        this.conclusion = conclusion.strip();
        this.status = AuditStatus.REPORTED;
        this.reportedAt = now;
    }

    public void close(Instant now) {
        requireStatus(AuditStatus.REPORTED, "Closing the audit");
        this.status = AuditStatus.CLOSED;
        this.closedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (!status.isOpen()) {
            throw Refused.conflict("Only a planned audit or one in progress can be cancelled; this one is " + status.label().toLowerCase());
        }
        if (blank(reason)) {
            throw Refused.missing("Cancelling the audit", Map.of("text", "the reason, for the programme's record"));
        }
        this.cancelReason = reason.strip();
        this.status = AuditStatus.CANCELLED;
        this.closedAt = now;
    }

    private void requireStatus(AuditStatus wanted, String step) {
        if (status != wanted) {
            throw Refused.conflict(step + " needs a " + wanted.label().toLowerCase() + " audit; this one is " + status.label().toLowerCase());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getProgrammeId() { return programmeId; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public AuditType getType() { return type; }
    public CertificationStage getCertificationStage() { return certificationStage; }
    public String getCertificationBody() { return certificationBody; }
    public String getParty() { return party; }
    public String getContractReference() { return contractReference; }
    public String getObjectives() { return objectives; }
    public String getCriteria() { return criteria; }
    public List<UUID> getAreaIds() {
        return areaIds == null ? List.of() : Arrays.stream(areaIds.split(",")).map(UUID::fromString).toList();
    }
    public LocalDate getPlannedStart() { return plannedStart; }
    public LocalDate getPlannedEnd() { return plannedEnd; }
    public AuditStatus getStatus() { return status; }
    public String getCancelReason() { return cancelReason; }
    public String getConclusion() { return conclusion; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getReportedAt() { return reportedAt; }
    public Instant getClosedAt() { return closedAt; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
