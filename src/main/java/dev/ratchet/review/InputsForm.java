package dev.ratchet.review;

import jakarta.validation.constraints.Size;

/** The inputs Ratchet holds no data for (9.3.2 b, c, f), written by the ISMS manager before the meeting. */
public class InputsForm implements java.io.Serializable {

    @Size(max = 8000, message = "This input can have at most 8000 characters")
    private String externalInternalIssues;

    @Size(max = 8000, message = "This input can have at most 8000 characters")
    private String interestedParties;

    @Size(max = 8000, message = "This input can have at most 8000 characters")
    private String riskAssessment;

    private Long version;

    public String getExternalInternalIssues() { return externalInternalIssues; }
    public void setExternalInternalIssues(String externalInternalIssues) { this.externalInternalIssues = externalInternalIssues; }
    public String getInterestedParties() { return interestedParties; }
    public void setInterestedParties(String interestedParties) { this.interestedParties = interestedParties; }
    public String getRiskAssessment() { return riskAssessment; }
    public void setRiskAssessment(String riskAssessment) { this.riskAssessment = riskAssessment; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
