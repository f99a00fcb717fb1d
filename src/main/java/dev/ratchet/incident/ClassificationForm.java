package dev.ratchet.incident;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;


/**
 * How an incident is classified for reporting: when the organisation became aware of it, whether it is a significant
 * incident under NIS2, which DORA criteria it meets (major follows from them), and who sends the reports.
 */
public class ClassificationForm implements java.io.Serializable {

    @NotNull(message = "Say when the organisation became aware of the incident: the deadlines run from then")
    private OffsetDateTime awareAt;

    private boolean nis2Significant;

    private List<DoraCriterion> doraCriteria = new ArrayList<>();

    @NotNull(message = "Choose who sends the reports to the authority")
    private UUID reporterId;

    @NotNull(message = "Say which version of the incident you classified (its version field)")
    private Long version;

    public OffsetDateTime getAwareAt() { return awareAt; }
    public void setAwareAt(OffsetDateTime awareAt) { this.awareAt = awareAt; }
    public boolean isNis2Significant() { return nis2Significant; }
    public void setNis2Significant(boolean nis2Significant) { this.nis2Significant = nis2Significant; }
    public List<DoraCriterion> getDoraCriteria() { return doraCriteria; }
    public void setDoraCriteria(List<DoraCriterion> doraCriteria) { this.doraCriteria = doraCriteria == null ? new ArrayList<>() : doraCriteria; }
    public UUID getReporterId() { return reporterId; }
    public void setReporterId(UUID reporterId) { this.reporterId = reporterId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
