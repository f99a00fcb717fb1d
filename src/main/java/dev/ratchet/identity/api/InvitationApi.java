package dev.ratchet.identity.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.Invitations;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The token owner's invitations from other organisations: theirs to accept or decline. */
@RestController
@RequestMapping("/api/v1/invitations")
@Tag(name = "Invitations", description = "Organisations that asked the token's owner to join them")
class InvitationApi {

    private final Invitations identity;

    InvitationApi(Invitations identity) {
        this.identity = identity;
    }

    @GetMapping
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The invitations waiting for the token owner's answer")
    List<IdentityManagement.Invitation> listMyInvitations(@AuthenticationPrincipal RatchetPrincipal principal) {
        return identity.of(principal.userId());
    }

    @PostMapping("/{invitationId}/acceptance")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Joins the organisation that sent the invitation")
    IdentityManagement.Invitation acceptInvitation(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID invitationId) {
        return identity.accept(principal.userId(), invitationId);
    }

    @DeleteMapping("/{invitationId}")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Declines the invitation: the organisation no longer sees the account")
    void declineInvitation(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID invitationId) {
        identity.decline(principal.userId(), invitationId);
    }
}
