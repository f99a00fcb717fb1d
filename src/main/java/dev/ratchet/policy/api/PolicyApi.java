package dev.ratchet.policy.api;

import java.util.UUID;

import dev.ratchet.policy.AcknowledgementForm;
import dev.ratchet.policy.CheckForm;
import dev.ratchet.policy.ContentForm;
import dev.ratchet.policy.ExceptionForm;
import dev.ratchet.policy.NoncomplianceForm;
import dev.ratchet.policy.PolicyDocuments;
import dev.ratchet.policy.PolicyForm;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.policy.PolicyViews;
import dev.ratchet.policy.ResultForm;
import dev.ratchet.policy.ReviewNoteForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Policies", description = "The policy register with versions, the generated Continual Improvement Policy, exceptions and compliance")
class PolicyApi {

    private final PolicyManagement policies;
    private final PolicyDocuments documents;

    PolicyApi(PolicyManagement policies, PolicyDocuments documents) {
        this.policies = policies;
        this.documents = documents;
    }

    record VersionBody(Long version) {
    }

    @GetMapping("/policies")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The policy register, with each policy's current version and compliance figure")
    Paged<PolicyViews.Summary> listPolicies(@PathVariable UUID organisationId, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(policies.search(CurrentTenant.require().organisationId(), PageRequest.of(page, size, Sort.by("reference"))));
    }

    @PostMapping("/policies")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a policy with its first draft (Markdown)")
    PolicyViews.Policy createPolicy(@PathVariable UUID organisationId, @Valid @RequestBody PolicyForm form) {
        return policies.create(CurrentTenant.require(), form);
    }

    @PostMapping("/policies/continual-improvement")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate the Continual Improvement Policy from the organisation's settings, as a first draft")
    PolicyViews.Policy generateImprovementPolicy(@PathVariable UUID organisationId) {
        return policies.generate(CurrentTenant.require());
    }

    @GetMapping("/policies/{policyId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A policy with its versions, the drift of the generated policy from the settings, exceptions, checks and non-compliance")
    PolicyViews.Policy getPolicy(@PathVariable UUID organisationId, @PathVariable UUID policyId) {
        return policies.get(CurrentTenant.require(), policyId);
    }

    @PutMapping("/policies/{policyId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change the policy's title, owner, approver, classification or review cycle")
    PolicyViews.Policy updatePolicy(@PathVariable UUID organisationId, @PathVariable UUID policyId, @Valid @RequestBody PolicyForm form) {
        return policies.describe(CurrentTenant.require(), policyId, form);
    }

    @PutMapping("/policies/{policyId}/content")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "New text (the owner or the ISMS manager): into the open draft, or a new draft when the latest version is approved")
    PolicyViews.Policy updatePolicyContent(@PathVariable UUID organisationId, @PathVariable UUID policyId, @Valid @RequestBody ContentForm form) {
        return policies.edit(CurrentTenant.require(), policyId, form);
    }

    @PostMapping("/policies/{policyId}/file")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "A new draft from a file (the owner or the ISMS manager): Markdown or text becomes the text; PDF, Word or OpenDocument is kept with its SHA-256")
    PolicyViews.Policy uploadPolicyFile(@PathVariable UUID organisationId, @PathVariable UUID policyId,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) String changeSummary) throws java.io.IOException {
        return policies.upload(CurrentTenant.require(), policyId, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, null, null), changeSummary);
    }

    @PostMapping("/policies/{policyId}/regeneration")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Bring the generated policy in line with today's settings, as a draft")
    PolicyViews.Policy regeneratePolicy(@PathVariable UUID organisationId, @PathVariable UUID policyId) {
        return policies.regenerate(CurrentTenant.require(), policyId);
    }

    @PostMapping("/policies/{policyId}/submission")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Submit the draft for approval")
    PolicyViews.Policy submitPolicyVersion(@PathVariable UUID organisationId, @PathVariable UUID policyId, @RequestBody VersionBody body) {
        return policies.submit(CurrentTenant.require(), policyId, body.version());
    }

    @PostMapping("/policies/{policyId}/approval")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Approve the open version (the named approver, or top management): it becomes the next major version and is locked")
    PolicyViews.Policy approvePolicyVersion(@PathVariable UUID organisationId, @PathVariable UUID policyId, @RequestBody VersionBody body) {
        return policies.approve(CurrentTenant.require(), policyId, body.version());
    }

    @GetMapping("/policies/{policyId}/versions/{versionId}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A version as PDF, with the version table and contents page")
    ResponseEntity<byte[]> downloadPolicyVersionPdf(@PathVariable UUID organisationId, @PathVariable UUID policyId, @PathVariable UUID versionId) {
        return documents.pdf(CurrentTenant.require(), policyId, versionId);
    }

    @GetMapping("/policies/{policyId}/versions/{versionId}/document.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A version as DOCX, with the version table and contents page")
    ResponseEntity<byte[]> downloadPolicyVersionDocx(@PathVariable UUID organisationId, @PathVariable UUID policyId, @PathVariable UUID versionId) {
        return documents.docx(CurrentTenant.require(), policyId, versionId);
    }

    @PostMapping("/policies/{policyId}/reviews")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Record a periodic review that keeps the version in force (the owner or the ISMS manager); the next review is planned")
    PolicyViews.Policy recordPolicyReview(@PathVariable UUID organisationId, @PathVariable UUID policyId, @Valid @RequestBody ReviewNoteForm form) {
        return policies.recordReview(CurrentTenant.require(), policyId, form);
    }

    @PostMapping("/policies/{policyId}/acknowledgement-requests")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask members (or, naming none, every member but guest auditors) to read the version in force; each gets an action with reminders")
    PolicyViews.Policy requestAcknowledgement(@PathVariable UUID organisationId, @PathVariable UUID policyId,
            @Valid @RequestBody AcknowledgementForm form) {
        return policies.requestAcknowledgement(CurrentTenant.require(), policyId, form);
    }

    @PostMapping("/policies/{policyId}/acknowledgement")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Acknowledge having read the version in force (those asked to)")
    PolicyViews.Policy acknowledgePolicy(@PathVariable UUID organisationId, @PathVariable UUID policyId) {
        return policies.acknowledge(CurrentTenant.require(), policyId);
    }

    @PostMapping("/policies/{policyId}/noncompliance")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a deviation from the policy found outside an audit; it raises a nonconformity")
    PolicyViews.Policy recordNoncompliance(@PathVariable UUID organisationId, @PathVariable UUID policyId, @Valid @RequestBody NoncomplianceForm form) {
        return policies.reportNoncompliance(CurrentTenant.require(), policyId, form);
    }

    @PostMapping("/policies/{policyId}/compliance-checks")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a recurring compliance check of the policy")
    PolicyViews.Policy defineComplianceCheck(@PathVariable UUID organisationId, @PathVariable UUID policyId, @Valid @RequestBody CheckForm form) {
        return policies.defineCheck(CurrentTenant.require(), policyId, form);
    }

    @GetMapping("/compliance-checks")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Every compliance check of the organisation with its policy and results, soonest due first")
    java.util.List<PolicyViews.CheckLine> listComplianceChecks(@PathVariable UUID organisationId) {
        return policies.checks(CurrentTenant.require().organisationId());
    }

    @PostMapping("/compliance-checks/{checkId}/results")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a check's result (its owner or the ISMS manager); a failure raises a nonconformity linked to the policy")
    PolicyViews.Policy recordCheckResult(@PathVariable UUID organisationId, @PathVariable UUID checkId, @Valid @RequestBody ResultForm form) {
        return policies.recordResult(CurrentTenant.require(), checkId, form);
    }

    @GetMapping("/policy-exceptions")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The exceptions register (expired=true: the exceptions past their expiry, still open)")
    Paged<PolicyViews.Exception> listPolicyExceptions(@PathVariable UUID organisationId, @RequestParam(defaultValue = "false") boolean expired,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(policies.exceptions(CurrentTenant.require().organisationId(), expired,
                PageRequest.of(page, size, Sort.by("expiryDate"))));
    }

    @PostMapping("/policy-exceptions")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request an exception to a policy")
    PolicyViews.Exception requestPolicyException(@PathVariable UUID organisationId, @Valid @RequestBody ExceptionForm form) {
        return policies.requestException(CurrentTenant.require(), form);
    }

    @GetMapping("/policy-exceptions/{policyExceptionId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An exception")
    PolicyViews.Exception getPolicyException(@PathVariable UUID organisationId, @PathVariable UUID policyExceptionId) {
        return policies.exception(CurrentTenant.require(), policyExceptionId);
    }

    @PutMapping("/policy-exceptions/{policyExceptionId}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Change an exception (its requester or the ISMS manager); a change of substance withdraws its approval")
    PolicyViews.Exception updatePolicyException(@PathVariable UUID organisationId, @PathVariable UUID policyExceptionId, @Valid @RequestBody ExceptionForm form) {
        return policies.editException(CurrentTenant.require(), policyExceptionId, form);
    }

    @PostMapping("/policy-exceptions/{policyExceptionId}/approval")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Approve an exception (top management or the policy's approver, never its requester)")
    PolicyViews.Exception approvePolicyException(@PathVariable UUID organisationId, @PathVariable UUID policyExceptionId, @RequestBody VersionBody body) {
        return policies.approveException(CurrentTenant.require(), policyExceptionId, body.version());
    }

    @PostMapping("/policy-exceptions/{policyExceptionId}/closure")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Close an exception that has ended")
    PolicyViews.Exception closePolicyException(@PathVariable UUID organisationId, @PathVariable UUID policyExceptionId, @RequestBody VersionBody body) {
        return policies.closeException(CurrentTenant.require(), policyExceptionId, body.version());
    }
}
