package dev.ratchet.identity.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.MemberView;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
@RequestMapping("/api/v1/organisations")
@Tag(name = "Members", description = "The organisations you belong to, and their members with roles")
class MemberApi {

    private final IdentityManagement identity;
    private final jakarta.validation.Validator validator;

    MemberApi(IdentityManagement identity, jakarta.validation.Validator validator) {
        this.identity = identity;
        this.validator = validator;
    }

    @GetMapping
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The organisations the token's owner belongs to")
    List<OrganisationDetails> listMyOrganisations(@AuthenticationPrincipal RatchetPrincipal principal) {
        return identity.organisationsOf(principal.userId());
    }

    @PostMapping
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create another organisation (an administrator of one): you become its administrator and ISMS manager")
    OrganisationDetails createOrganisation(@AuthenticationPrincipal RatchetPrincipal principal,
            @RequestBody dev.ratchet.organisation.OrganisationSettings settings) {
        // Who may is known only from the person's memberships: checked before the body is validated, so that
        // someone who may not learns nothing of what a valid body needs.
        if (!identity.administersAny(principal.userId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "This needs one of these roles in this organisation: ADMIN (of any organisation). Yours: none.");
        }
        java.util.Map<String, String> invalid = new java.util.LinkedHashMap<>();
        validator.validate(settings).forEach(v -> invalid.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (!invalid.isEmpty()) {
            throw dev.ratchet.shared.Refused.fields(invalid);
        }
        return identity.createOrganisation(principal.userId(), settings);
    }

    @GetMapping("/{organisationId}/members")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Members, paged, optionally filtered by text (name or e-mail) and role; not for guest auditors, who see names on records only")
    Paged<MemberView> listMembers(@PathVariable UUID organisationId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        var reader = CurrentTenant.require();
        return Paged.of(identity.members(reader.organisationId(), q, role,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), JpaSort.unsafe("lower(u.displayName)")))
                .map(m -> m.forReader(reader)));
    }

    @GetMapping("/{organisationId}/members/{memberId}")
    @PreAuthorize(Access.REPORT)
    @io.swagger.v3.oas.annotations.Operation(summary = "A member of the organisation with their roles, line manager and access end")
    MemberView getMember(@PathVariable UUID organisationId, @PathVariable UUID memberId) {
        return identity.member(CurrentTenant.require().organisationId(), memberId).forReader(CurrentTenant.require());
    }

    @PutMapping("/{organisationId}/members/{memberId}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Changes roles, line manager and access end; send the version you read")
    MemberView updateMember(@PathVariable UUID organisationId, @PathVariable UUID memberId,
            @Valid @RequestBody MemberForm member) {
        return identity.updateMember(CurrentTenant.require().organisationId(), memberId, member);
    }

    @PostMapping("/{organisationId}/members/{memberId}/reactivation")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Gives a deactivated member access again, with the roles they had")
    MemberView reactivateMember(@PathVariable UUID organisationId, @PathVariable UUID memberId, @RequestParam Long version) {
        return identity.reactivateMember(CurrentTenant.require().organisationId(), memberId, version);
    }

    @PostMapping("/{organisationId}/members/{memberId}/deactivation")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Ends the member's access at once, open sessions included")
    MemberView deactivateMember(@PathVariable UUID organisationId, @PathVariable UUID memberId, @RequestParam Long version) {
        return identity.deactivateMember(CurrentTenant.require().organisationId(), memberId, version);
    }

    @PostMapping("/{organisationId}/members/{memberId}/second-factor-reset")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Resets the member's second factor (phone and recovery codes lost): they sign in with the password "
            + "alone until they set it up again, and are told by e-mail")
    MemberView resetSecondFactor(@PathVariable UUID organisationId, @PathVariable UUID memberId) {
        return identity.resetSecondFactor(CurrentTenant.require(), memberId);
    }

    @PostMapping("/{organisationId}/members/{memberId}/sign-in-unlock")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Lets the member sign in again at once after failed sign-ins slowed their account down")
    MemberView unlockSignIn(@PathVariable UUID organisationId, @PathVariable UUID memberId) {
        return identity.unlockSignIn(CurrentTenant.require().organisationId(), memberId);
    }
}
