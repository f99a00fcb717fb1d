package dev.ratchet.identity.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.InvitationImport;
import dev.ratchet.identity.Invitations;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import dev.ratchet.tabular.ImportFile;
import dev.ratchet.tabular.Imports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's invitations, as its administrators see them: the API twin of People and roles → Invitations. */
@RestController
@Validated
@RequestMapping("/api/v1/organisations/{organisationId}/invitations")
@Tag(name = "Members", description = "The organisations you belong to, and their members with roles")
class OrganisationInvitationApi {

    private final Invitations invitations;
    private final InvitationImport importer;
    private final Imports imports;

    OrganisationInvitationApi(Invitations invitations, InvitationImport importer, Imports imports) {
        this.invitations = invitations;
        this.importer = importer;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Invitations not yet accepted or withdrawn (expired ones included, to send again), newest first")
    Paged<Invitations.InvitationView> listInvitations(@PathVariable UUID organisationId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(invitations.open(CurrentTenant.require().organisationId(), PageRequest.of(page, size)));
    }

    @GetMapping("/{invitationId}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "One invitation and its state")
    Invitations.InvitationView getInvitation(@PathVariable UUID organisationId, @PathVariable UUID invitationId) {
        return invitations.get(CurrentTenant.require().organisationId(), invitationId);
    }

    @PostMapping
    @PreAuthorize(Access.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invites a person by e-mail: they choose their own password through a single-use link. "
            + "Without a mail server the answer carries the link (link), to pass on; otherwise link is null")
    Invitations.Sent invitePerson(@PathVariable UUID organisationId, @Valid @RequestBody MemberForm member) {
        return invitations.invite(CurrentTenant.require(), member);
    }

    /** Several people in one call. */
    record Batch(@NotEmpty(message = "List at least one person to invite") @Size(max = 500, message = "Invite at most 500 people in one call")
            List<@Valid MemberForm> people) {
    }

    @PostMapping("/batch")
    @PreAuthorize(Access.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invites everyone listed, or nobody: problems are named by field, as people[n].email")
    List<Invitations.Sent> invitePeople(@PathVariable UUID organisationId, @Valid @RequestBody Batch batch) {
        return invitations.inviteAll(CurrentTenant.require(), batch.people());
    }

    @PostMapping(path = "/import")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Invites the people of a CSV or XLSX file (Name, E-mail, Roles, Line manager, Last day of access): "
            + "all rows or none. With dryRun=true nothing is written; problems are named by row and column (422)")
    ResponseEntity<Imports.Outcome> importInvitations(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), importer, body.content(), dryRun);
    }

    @PostMapping("/{invitationId}/resending")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Sends the invitation again with a new link and a new expiry; the old link stops working")
    Invitations.Sent resendInvitation(@PathVariable UUID organisationId, @PathVariable UUID invitationId,
            @RequestParam(required = false) Long version) {
        return invitations.sendAgain(CurrentTenant.require(), invitationId, version);
    }

    @PostMapping("/{invitationId}/withdrawal")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Withdraws the invitation: its link stops working")
    Invitations.InvitationView withdrawInvitation(@PathVariable UUID organisationId, @PathVariable UUID invitationId,
            @RequestParam(required = false) Long version) {
        return invitations.withdraw(CurrentTenant.require(), invitationId, version);
    }
}
