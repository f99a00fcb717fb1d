package dev.ratchet.audit.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.audit.AreaFrequency;
import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.AuditReports;
import dev.ratchet.audit.AuditStatus;
import dev.ratchet.audit.AuditSummary;
import dev.ratchet.audit.AuditType;
import dev.ratchet.audit.AuditView;
import dev.ratchet.audit.Coverage;
import dev.ratchet.audit.FindingForm;
import dev.ratchet.audit.LineForm;
import dev.ratchet.audit.StepForm;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.document.Downloads;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/organisations/{organisationId}/audit-exclusions")
@Tag(name = "Audits")
class CoverageExclusionApi {

    private final AuditManagement audits;

    CoverageExclusionApi(AuditManagement audits) {
        this.audits = audits;
    }

    record ExclusionBody(@NotBlank(message = "Name the requirement") String requirement, Integer cycleEndYear,
            @NotBlank(message = "Say why it is left out") @Size(max = 2000, message = "The reason can have at most 2000 characters") String reason) {
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Leave a requirement deliberately out of the audits of a cycle, with the reason; the answer names the "
            + "exclusion, to withdraw it later")
    AuditManagement.Exclusion excludeFromCoverage(@PathVariable UUID organisationId, @Valid @RequestBody ExclusionBody body) {
        UUID org = CurrentTenant.require().organisationId();
        return audits.exclude(CurrentTenant.require(), body.requirement(), body.cycleEndYear() == null ? audits.today(org).getYear() : body.cycleEndYear(), body.reason());
    }

    @DeleteMapping("/{exclusionId}")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an exclusion: the requirement counts as a gap again until audited")
    void withdrawCoverageExclusion(@PathVariable UUID organisationId, @PathVariable UUID exclusionId, @RequestParam(required = false) Long version) {
        audits.withdrawExclusion(CurrentTenant.require(), exclusionId, version);
    }
}
