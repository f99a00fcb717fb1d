package dev.ratchet.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Planning an audit or changing its plan, as a form and an API body. */
public class AuditForm implements java.io.Serializable {

    @NotBlank(message = "Give the audit a short title, such as \"Access management and HR security\"")
    @Size(max = 200, message = "A title can have at most 200 characters")
    private String title;

    @NotNull(message = "Choose the type of audit")
    private AuditType type = AuditType.INTERNAL;

    private CertificationStage certificationStage;

    @Size(max = 200, message = "The certification body can have at most 200 characters")
    private String certificationBody;

    @Size(max = 200, message = "The party can have at most 200 characters")
    private String party;

    @Size(max = 200, message = "The contract or NDA reference can have at most 200 characters")
    private String contractReference;

    @NotBlank(message = "Say what the audit is to find out")
    @Size(max = 4000, message = "The objectives can have at most 4000 characters")
    private String objectives;

    @NotBlank(message = "Name the criteria audited against, such as \"ISO/IEC 27001:2022 and our ISMS policies\"")
    @Size(max = 4000, message = "The criteria can have at most 4000 characters")
    private String criteria = "ISO/IEC 27001:2022, the Statement of Applicability and the organisation's ISMS policies and procedures";

    @NotNull(message = "Give the first day of the planned window")
    private LocalDate plannedStart;

    @NotNull(message = "Give the last day of the planned window")
    private LocalDate plannedEnd;

    private List<UUID> areaIds = new ArrayList<>();

    /** The catalogue requirements in scope: the checklist has a line for each. */
    private List<String> requirements = new ArrayList<>();

    /** A framework whose every auditable requirement joins the scope (an audit of NIST CSF 2.0, say); optional. */
    @Size(max = 60, message = "Choose a framework from the list")
    private String framework;

    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public AuditType getType() { return type; }
    public void setType(AuditType type) { this.type = type; }
    public CertificationStage getCertificationStage() { return certificationStage; }
    public void setCertificationStage(CertificationStage certificationStage) { this.certificationStage = certificationStage; }
    public String getCertificationBody() { return certificationBody; }
    public void setCertificationBody(String certificationBody) { this.certificationBody = certificationBody; }
    public String getParty() { return party; }
    public void setParty(String party) { this.party = party; }
    public String getContractReference() { return contractReference; }
    public void setContractReference(String contractReference) { this.contractReference = contractReference; }
    public String getObjectives() { return objectives; }
    public void setObjectives(String objectives) { this.objectives = objectives; }
    public String getFramework() { return framework; }
    public void setFramework(String framework) { this.framework = framework; }
    public String getCriteria() { return criteria; }
    public void setCriteria(String criteria) { this.criteria = criteria; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public void setPlannedStart(LocalDate plannedStart) { this.plannedStart = plannedStart; }
    public LocalDate getPlannedEnd() { return plannedEnd; }
    public void setPlannedEnd(LocalDate plannedEnd) { this.plannedEnd = plannedEnd; }
    public List<UUID> getAreaIds() { return areaIds; }
    public void setAreaIds(List<UUID> areaIds) { this.areaIds = areaIds == null ? new ArrayList<>() : areaIds; }
    public List<String> getRequirements() { return requirements; }
    public void setRequirements(List<String> requirements) { this.requirements = requirements == null ? new ArrayList<>() : requirements; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
