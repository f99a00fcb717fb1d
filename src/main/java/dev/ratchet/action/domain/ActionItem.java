package dev.ratchet.action.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionStatus;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Something a person owes: it guards its own status changes. */
@Entity
public class ActionItem implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String originType;

    @Column(updatable = false)
    private UUID originId;

    private String originReference;

    @Column(updatable = false)
    private int attempt;

    private String title;

    private String description;

    private UUID ownerId;

    private LocalDate dueDate;

    /** A deadline to the minute, when the action has one (a regulator's report); null for the usual due date. */
    private Instant dueAt;

    @Column(updatable = false)
    private LocalDate originalDueDate;

    private int dueDateChanges;

    private String dueChangeReason;

    @Column(updatable = false)
    private String successCriteria;

    private UUID areaId;

    private String progressNote;

    @Enumerated(EnumType.STRING)
    private ActionStatus status;

    private String cancelReason;

    private String completionEvidence;

    private Instant completedAt;

    private UUID completedBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ActionItem() {
    }

    public ActionItem(UUID organisationId, String originType, UUID originId, String originReference, UUID areaId,
            int attempt, PlannedAction planned, Instant now) {
        Map<String, String> missing = check(planned);
        if (!missing.isEmpty()) {
            throw Refused.fields(missing);
        }
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.originType = originType;
        this.originId = originId;
        this.originReference = originReference;
        this.areaId = areaId;
        this.attempt = attempt;
        this.title = planned.title().strip();
        this.description = blankToNull(planned.description());
        this.ownerId = planned.ownerId();
        this.dueDate = planned.dueDate();
        this.dueAt = planned.dueAt();
        this.originalDueDate = planned.dueDate();
        this.successCriteria = planned.successCriteria().strip();
        this.status = ActionStatus.OPEN;
        this.createdAt = now;
    }

    /** What a planned action lacks, by field; empty when it is complete. */
    public static Map<String, String> check(PlannedAction planned) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (planned.title() == null || planned.title().isBlank()) {
            missing.put("title", "an action needs a title");
        }
        else if (planned.title().strip().length() > 200) {
            missing.put("title", "an action title has at most 200 characters");
        }
        if (planned.ownerId() == null) {
            missing.put("ownerId", "an action needs an owner");
        }
        if (planned.dueDate() == null) {
            missing.put("dueDate", "an action needs a due date");
        }
        if (planned.successCriteria() == null || planned.successCriteria().isBlank()) {
            missing.put("successCriteria", "an action needs measurable success criteria");
        }
        return missing;
    }

    public void start() {
        requireStatus(ActionStatus.OPEN);
        status = ActionStatus.IN_PROGRESS;
    }

    /** Where the work stands, in the owner's words; starts the action if it was still open. */
    public void note(String progress) {
        requireStatus(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        if (progress == null || progress.isBlank()) {
            throw Refused.field("progress", "Write where the work stands");
        }
        if (progress.strip().length() > 2000) {
            throw Refused.field("progress", "A progress note has at most 2000 characters");
        }
        progressNote = progress.strip();
        status = ActionStatus.IN_PROGRESS;
    }

    public void complete(String evidence, UUID by, Instant now) {
        requireStatus(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        if (evidence == null || evidence.isBlank()) {
            throw Refused.field("evidence", "Say what was done and where the evidence is, to complete the action");
        }
        completionEvidence = evidence.strip();
        completedAt = now;
        completedBy = by;
        status = ActionStatus.DONE;
    }

    /** A new due date, with the reason; the first due date stays, so the slip is visible. */
    public void reschedule(LocalDate newDueDate, String reason) {
        requireStatus(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        Map<String, String> missing = new LinkedHashMap<>();
        if (newDueDate == null || newDueDate.equals(dueDate)) {
            missing.put("dueDate", "a new due date");
        }
        if (reason == null || reason.isBlank()) {
            missing.put("reason", "the reason the due date moves");
        }
        if (!missing.isEmpty()) {
            throw Refused.fields(missing);
        }
        this.dueDate = newDueDate;
        this.dueDateChanges++;
        this.dueChangeReason = reason.strip();
    }

    /**
     * A deadline to the minute moved because the one it follows from was met early (a regulator's final report is due a
     * month after the notification was sent): the due date follows it, counted as a change with the reason.
     */
    public void deadline(Instant at, LocalDate date, String reason) {
        requireStatus(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        if (at.equals(dueAt)) {
            return;
        }
        this.dueAt = at;
        if (!date.equals(dueDate)) {
            this.dueDate = date;
            this.dueDateChanges++;
            this.dueChangeReason = reason;
        }
    }

    public void cancel(String reason) {
        requireStatus(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        if (reason == null || reason.isBlank()) {
            throw Refused.field("reason", "Give the reason for cancelling the action");
        }
        cancelReason = reason.strip();
        status = ActionStatus.CANCELLED;
    }

    private void requireStatus(ActionStatus... allowed) {
        for (ActionStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw Refused.conflict("The action is " + status.label().toLowerCase() + ": that cannot be done now");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    @Override
    public String historyParentId() {
        return originId.toString();
    }

    public UUID getId() { return id; }
    public String getOriginType() { return originType; }
    public UUID getOriginId() { return originId; }
    public String getOriginReference() { return originReference; }
    public int getAttempt() { return attempt; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public UUID getAreaId() { return areaId; }
    public String getProgressNote() { return progressNote; }
    public UUID getOwnerId() { return ownerId; }
    public Instant getDueAt() { return dueAt; }
    public LocalDate getDueDate() { return dueDate; }
    public LocalDate getOriginalDueDate() { return originalDueDate; }
    public int getDueDateChanges() { return dueDateChanges; }
    public String getDueChangeReason() { return dueChangeReason; }
    public String getSuccessCriteria() { return successCriteria; }
    public ActionStatus getStatus() { return status; }
    public String getCancelReason() { return cancelReason; }
    public String getCompletionEvidence() { return completionEvidence; }
    public Instant getCompletedAt() { return completedAt; }
    public UUID getCompletedBy() { return completedBy; }
    public long getVersion() { return version; }
}
