package dev.ratchet.policy;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An exception to a policy as requested: scope, justification, risk, compensating controls and the plan to end it. */
public class ExceptionForm implements java.io.Serializable {

    @NotNull(message = "Choose the policy the exception is from")
    private UUID policyId;

    @Size(max = 200, message = "The clause can have at most 200 characters")
    private String clause;

    @NotBlank(message = "Say what the exception covers: systems, people, data")
    @Size(max = 2000, message = "The scope can have at most 2000 characters")
    private String scope;

    @NotBlank(message = "Say why the policy cannot be followed here")
    @Size(max = 4000, message = "The justification can have at most 4000 characters")
    private String justification;

    @NotBlank(message = "Describe the risk the exception carries")
    @Size(max = 4000, message = "The risk can have at most 4000 characters")
    private String risk;

    @NotBlank(message = "Name the compensating controls, or write \"none\" and why")
    @Size(max = 4000, message = "The compensating controls can have at most 4000 characters")
    private String compensatingControls;

    @NotBlank(message = "Give the plan to end the exception")
    @Size(max = 4000, message = "The action plan can have at most 4000 characters")
    private String actionPlan;

    @NotNull(message = "Give the date the exception is reviewed")
    private LocalDate reviewDate;

    @NotNull(message = "Give the date the exception expires")
    private LocalDate expiryDate;

    private Long version;

    public UUID getPolicyId() { return policyId; }
    public void setPolicyId(UUID policyId) { this.policyId = policyId; }
    public String getClause() { return clause; }
    public void setClause(String clause) { this.clause = clause; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public String getRisk() { return risk; }
    public void setRisk(String risk) { this.risk = risk; }
    public String getCompensatingControls() { return compensatingControls; }
    public void setCompensatingControls(String compensatingControls) { this.compensatingControls = compensatingControls; }
    public String getActionPlan() { return actionPlan; }
    public void setActionPlan(String actionPlan) { this.actionPlan = actionPlan; }
    public LocalDate getReviewDate() { return reviewDate; }
    public void setReviewDate(LocalDate reviewDate) { this.reviewDate = reviewDate; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public void setExpiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
