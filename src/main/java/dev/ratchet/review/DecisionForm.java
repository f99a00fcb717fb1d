package dev.ratchet.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A decision of the review with its rationale, the agenda inputs it answers, and its actions. */
public class DecisionForm implements java.io.Serializable {

    @NotNull(message = "Choose the type of decision")
    private DecisionType type = DecisionType.IMPROVEMENT_OPPORTUNITY;

    @NotBlank(message = "Write the decision")
    @Size(max = 4000, message = "The decision can have at most 4000 characters")
    private String decision;

    @NotBlank(message = "Write the rationale: clause 9.3.3 records why, not only what")
    @Size(max = 4000, message = "The rationale can have at most 4000 characters")
    private String rationale;

    /** The agenda inputs it answers: a to g. */
    private List<String> inputs = new ArrayList<>();

    @Valid
    private List<ActionForm> actions = new ArrayList<>();

    /** One action of a decision: owner, deadline and measurable success criteria. */
    public static class ActionForm implements java.io.Serializable {

        @Size(max = 200, message = "An action title can have at most 200 characters")
        private String title;

        private UUID ownerId;

        private LocalDate dueDate;

        @Size(max = 2000, message = "The success criteria can have at most 2000 characters")
        private String successCriteria;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public UUID getOwnerId() { return ownerId; }
        public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
        public LocalDate getDueDate() { return dueDate; }
        public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
        public String getSuccessCriteria() { return successCriteria; }
        public void setSuccessCriteria(String successCriteria) { this.successCriteria = successCriteria; }

        boolean blank() {
            return (title == null || title.isBlank()) && ownerId == null && dueDate == null
                    && (successCriteria == null || successCriteria.isBlank());
        }
    }

    public DecisionType getType() { return type; }
    public void setType(DecisionType type) { this.type = type; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public List<String> getInputs() { return inputs; }
    public void setInputs(List<String> inputs) { this.inputs = inputs == null ? new ArrayList<>() : inputs; }
    public List<ActionForm> getActions() { return actions; }
    public void setActions(List<ActionForm> actions) { this.actions = actions == null ? new ArrayList<>() : actions; }
}
