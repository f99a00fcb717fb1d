package dev.ratchet.action.api;

import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionStatus;
import dev.ratchet.action.ActionView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.ratchet.shared.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/actions")
@Tag(name = "Actions", description = "Everything owed: corrective actions and, later, audit and review actions")
class ActionApi {

    private final ActionManagement actions;

    ActionApi(ActionManagement actions) {
        this.actions = actions;
    }

    record Completion(String evidence, Long version) {
    }

    record Cancellation(String reason, Long version) {
    }

    record Rescheduling(java.time.LocalDate dueDate, String reason, Long version) {
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Actions by due date; mine=true for the caller's own, open=true for unfinished ones, overdue, due window")
    Paged<ActionView> listActions(@PathVariable UUID organisationId, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) ActionStatus status,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate dueFrom,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate dueTo,
            @RequestParam(required = false) String originType, @RequestParam(required = false) UUID areaId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        Tenant tenant = CurrentTenant.require();
        return Paged.of(actions.search(tenant.organisationId(), new dev.ratchet.action.ActionFilter(
                mine ? tenant.userId() : ownerId, status, open, overdue, dueFrom, dueTo, originType, areaId),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("dueDate", "title"))));
    }

    @GetMapping("/{actionId}")
    @PreAuthorize(Access.MEMBER)
    @io.swagger.v3.oas.annotations.Operation(summary = "An action with its progress notes, due date history and completion evidence")
    ActionView getAction(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id) {
        return actions.get(CurrentTenant.require().organisationId(), id);
    }

    @PostMapping("/{actionId}/start")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The owner (or an ISMS manager) starts work on it")
    ActionView startAction(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id, @RequestParam Long version) {
        Tenant tenant = CurrentTenant.require();
        return actions.start(tenant.organisationId(), id, tenant.userId(), manager(tenant), version);
    }

    @PostMapping("/{actionId}/completion")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The owner (or an ISMS manager) completes it with evidence")
    ActionView completeAction(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id, @RequestBody Completion completion) {
        Tenant tenant = CurrentTenant.require();
        return actions.complete(tenant.organisationId(), id, tenant.userId(), manager(tenant), completion.evidence(),
                completion.version());
    }

    record Progress(String progress, Long version) {
    }

    @PostMapping("/{actionId}/evidence")
    @PreAuthorize(Access.REPORT)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The owner (or an ISMS manager) attaches an evidence file to the action (multipart part \"file\"); it is kept with its SHA-256")
    dev.ratchet.evidence.EvidenceView attachActionEvidence(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate evidenceDate,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String description) throws java.io.IOException {
        Tenant tenant = CurrentTenant.require();
        return actions.attach(tenant.organisationId(), id, tenant.userId(), manager(tenant),
                dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
    }

    @PostMapping("/{actionId}/progress")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Records where the work stands; an open action becomes in progress")
    ActionView recordActionProgress(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id, @RequestBody Progress progress) {
        Tenant tenant = CurrentTenant.require();
        return actions.note(tenant.organisationId(), id, tenant.userId(), manager(tenant), progress.progress(),
                progress.version());
    }

    @PostMapping("/{actionId}/rescheduling")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Moves the due date, with the reason; the first due date is kept")
    ActionView rescheduleAction(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id,
            @RequestBody Rescheduling rescheduling) {
        Tenant tenant = CurrentTenant.require();
        return actions.reschedule(tenant.organisationId(), id, tenant.userId(), manager(tenant), rescheduling.dueDate(),
                rescheduling.reason(), rescheduling.version());
    }

    @PostMapping("/{actionId}/cancellation")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Cancels it with a reason")
    ActionView cancelAction(@PathVariable UUID organisationId, @PathVariable("actionId") UUID id, @RequestBody Cancellation cancellation) {
        Tenant tenant = CurrentTenant.require();
        return actions.cancel(tenant.organisationId(), id, tenant.userId(), manager(tenant), cancellation.reason(),
                cancellation.version());
    }

    static boolean manager(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
    }
}
