package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One step of the workflow with what it needs; only the fields of the chosen transition are read. The server
 * checks each transition and refuses it naming what is missing.
 */
public class TransitionRequest implements java.io.Serializable {

    private Transition transition;
    private Long version;

    // triage, reject, evaluate
    private UUID ownerId;
    private Grade grade;
    private String reason;
    private Evaluation evaluation;
    private LocalDate deferredUntil;

    // contain
    private String correction;
    private String consequences;

    // analyse
    private String reviewSummary;
    private RcaMethod rcaMethod;
    private List<String> whys = new ArrayList<>();
    private Map<String, String> fishbone = new LinkedHashMap<>();
    private String faultTree;
    private String rcaExplanation;
    private String rootCause;
    private List<UUID> similarRecords = new ArrayList<>();
    private Boolean couldOccurElsewhere;
    private String elsewhereJudgement;
    private Boolean correctiveActionNeeded;
    private String noActionJustification;

    // plan actions
    private List<ActionForm> actions = new ArrayList<>();

    // effectiveness review
    private String method;
    private String evidence;
    private Boolean effective;
    private String independenceNote;

    // close an opportunity, record an ISMS change
    private String benefitRealised;
    private String ismsChange;

    // a recurrence of an earlier, closed nonconformity
    private UUID recurrenceOf;

    public static class ActionForm implements java.io.Serializable {
        private String title;
        private String description;
        private UUID ownerId;
        private LocalDate dueDate;
        private String successCriteria;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public UUID getOwnerId() { return ownerId; }
        public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
        public LocalDate getDueDate() { return dueDate; }
        public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
        public String getSuccessCriteria() { return successCriteria; }
        public void setSuccessCriteria(String successCriteria) { this.successCriteria = successCriteria; }

        boolean isBlank() {
            return (title == null || title.isBlank()) && ownerId == null && dueDate == null
                    && (successCriteria == null || successCriteria.isBlank());
        }
    }

    /** The actions typed into the form, leaving out rows left empty. */
    public List<ActionForm> filledActions() {
        return actions.stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    public Transition getTransition() { return transition; }
    public void setTransition(Transition transition) { this.transition = transition; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public Grade getGrade() { return grade; }
    public void setGrade(Grade grade) { this.grade = grade; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Evaluation getEvaluation() { return evaluation; }
    public void setEvaluation(Evaluation evaluation) { this.evaluation = evaluation; }
    public LocalDate getDeferredUntil() { return deferredUntil; }
    public void setDeferredUntil(LocalDate deferredUntil) { this.deferredUntil = deferredUntil; }
    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }
    public String getConsequences() { return consequences; }
    public void setConsequences(String consequences) { this.consequences = consequences; }
    public String getReviewSummary() { return reviewSummary; }
    public void setReviewSummary(String reviewSummary) { this.reviewSummary = reviewSummary; }
    public RcaMethod getRcaMethod() { return rcaMethod; }
    public void setRcaMethod(RcaMethod rcaMethod) { this.rcaMethod = rcaMethod; }
    public List<String> getWhys() { return whys; }
    public void setWhys(List<String> whys) { this.whys = whys == null ? new ArrayList<>() : whys; }
    public Map<String, String> getFishbone() { return fishbone; }
    public void setFishbone(Map<String, String> fishbone) { this.fishbone = fishbone == null ? new LinkedHashMap<>() : fishbone; }
    public String getFaultTree() { return faultTree; }
    public void setFaultTree(String faultTree) { this.faultTree = faultTree; }
    public String getRcaExplanation() { return rcaExplanation; }
    public void setRcaExplanation(String rcaExplanation) { this.rcaExplanation = rcaExplanation; }
    public String getRootCause() { return rootCause; }
    public void setRootCause(String rootCause) { this.rootCause = rootCause; }
    public List<UUID> getSimilarRecords() { return similarRecords; }
    public void setSimilarRecords(List<UUID> similarRecords) { this.similarRecords = similarRecords == null ? new ArrayList<>() : similarRecords; }
    public Boolean getCouldOccurElsewhere() { return couldOccurElsewhere; }
    public void setCouldOccurElsewhere(Boolean couldOccurElsewhere) { this.couldOccurElsewhere = couldOccurElsewhere; }
    public String getElsewhereJudgement() { return elsewhereJudgement; }
    public void setElsewhereJudgement(String elsewhereJudgement) { this.elsewhereJudgement = elsewhereJudgement; }
    public Boolean getCorrectiveActionNeeded() { return correctiveActionNeeded; }
    public void setCorrectiveActionNeeded(Boolean correctiveActionNeeded) { this.correctiveActionNeeded = correctiveActionNeeded; }
    public String getNoActionJustification() { return noActionJustification; }
    public void setNoActionJustification(String noActionJustification) { this.noActionJustification = noActionJustification; }
    public List<ActionForm> getActions() { return actions; }
    public void setActions(List<ActionForm> actions) { this.actions = actions == null ? new ArrayList<>() : actions; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public Boolean getEffective() { return effective; }
    public void setEffective(Boolean effective) { this.effective = effective; }
    public String getIndependenceNote() { return independenceNote; }
    public void setIndependenceNote(String independenceNote) { this.independenceNote = independenceNote; }
    public String getBenefitRealised() { return benefitRealised; }
    public void setBenefitRealised(String benefitRealised) { this.benefitRealised = benefitRealised; }
    public UUID getRecurrenceOf() { return recurrenceOf; }
    public void setRecurrenceOf(UUID recurrenceOf) { this.recurrenceOf = recurrenceOf; }
    public String getIsmsChange() { return ismsChange; }
    public void setIsmsChange(String ismsChange) { this.ismsChange = ismsChange; }
}
