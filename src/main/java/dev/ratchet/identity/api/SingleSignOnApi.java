package dev.ratchet.identity.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.Role;
import dev.ratchet.identity.SingleSignOn;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of Organisation → Single sign-on: the organisation's OpenID Connect provider. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/single-sign-on")
@Tag(name = "Single sign-on", description = "The organisation's own OpenID Connect provider: issuer, client, domains, group roles")
class SingleSignOnApi {

    private final SingleSignOn singleSignOn;

    SingleSignOnApi(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "The organisation's provider (never its client secret: only whether one is saved); 404 when none")
    SingleSignOn.View getSingleSignOn(@PathVariable UUID organisationId) {
        return singleSignOn.connection(CurrentTenant.require().organisationId())
                .orElseThrow(() -> Refused.notFound("Single sign-on"));
    }

    record Settings(
            @Schema(description = "How the sign-in page names the provider", example = "Kestrel Microsoft 365") String displayName,
            @Schema(description = "The issuer URL; its discovery document is at <issuer>/.well-known/openid-configuration",
                    example = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0") String issuer,
            String clientId,
            @Schema(description = "Write-only: required the first time; leave out or empty to keep the saved one") String clientSecret,
            @Schema(description = "The e-mail domains the provider covers; each belongs to one organisation") List<String> domains,
            @Schema(description = "The ID token claim with the person's groups (default groups)") String groupsClaim,
            @Schema(description = "A first sign-in makes the membership with the default role; otherwise only invited members (default)") Boolean justInTime,
            @Schema(description = "Refuse password sign-in to this organisation, but for the break-glass administrators (default false)") Boolean ssoOnly,
            @Schema(description = "Offer the provider on the sign-in page (default true)") Boolean enabled,
            @Schema(description = "The role of someone in no mapped group (not ADMIN or GUEST_AUDITOR); shared with SCIM") Role defaultRole,
            List<SingleSignOn.GroupRoles> groups,
            @Schema(description = "Memberships (ids) of administrators who keep password sign-in") List<UUID> breakGlassMemberIds,
            @Schema(description = "The version read, to refuse a change made meanwhile; leave out the first time") Long version) {
    }

    @PutMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Connects the organisation to its provider, or changes the connection (the issuer is checked by discovery)")
    SingleSignOn.View updateSingleSignOn(@PathVariable UUID organisationId, @RequestBody Settings s) {
        return singleSignOn.save(CurrentTenant.require(), new SingleSignOn.Settings(s.displayName(), s.issuer(), s.clientId(),
                s.clientSecret(), s.domains(), s.groupsClaim(), Boolean.TRUE.equals(s.justInTime()), Boolean.TRUE.equals(s.ssoOnly()), s.enabled() == null || s.enabled(),
                s.defaultRole(), s.groups(), s.breakGlassMemberIds(), s.version()));
    }

    @DeleteMapping
    @PreAuthorize(Access.ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disconnects the provider: members sign in with their passwords again")
    void deleteSingleSignOn(@PathVariable UUID organisationId, @RequestParam(required = false) Long version) {
        singleSignOn.remove(CurrentTenant.require(), version);
    }
}
