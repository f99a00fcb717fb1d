package dev.ratchet.identity.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.Provisioning;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of Organisation → Provisioning: SCIM tokens, the default role and the roles the provider's groups give. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Provisioning", description = "SCIM 2.0 provisioning by the organisation's identity provider: tokens and group roles")
class ProvisioningApi {

    private final Provisioning provisioning;
    private final String baseUrl;

    ProvisioningApi(Provisioning provisioning, @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.provisioning = provisioning;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
    }

    record Overview(String scimUrl, Role defaultRole, List<Provisioning.TokenView> tokens, List<Provisioning.Team> groups) {
    }

    @GetMapping("/provisioning")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "The SCIM address, tokens (never their secrets), the default role and the groups the provider sent")
    Overview getProvisioning(@PathVariable UUID organisationId) {
        UUID org = CurrentTenant.require().organisationId();
        return new Overview(baseUrl + "/scim/v2", provisioning.defaultRole(org), provisioning.tokens(org), provisioning.teams(org));
    }

    record TokenRequest(@NotNull(message = "Name the token after the provider that uses it") String name) {
    }

    @PostMapping("/scim-tokens")
    @PreAuthorize(Access.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Makes a SCIM token for the identity provider: its secret is in this answer only")
    Provisioning.NewToken createScimToken(@PathVariable UUID organisationId, @Valid @RequestBody TokenRequest request) {
        return provisioning.createToken(CurrentTenant.require(), request.name());
    }

    @DeleteMapping("/scim-tokens/{tokenId}")
    @PreAuthorize(Access.ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes a SCIM token: the provider's next call with it is refused")
    void revokeScimToken(@PathVariable UUID organisationId, @PathVariable UUID tokenId) {
        provisioning.revokeToken(CurrentTenant.require(), tokenId);
    }

    record DefaultRole(@NotNull(message = "Choose the role of people in no group that gives one") Role defaultRole) {
    }

    @PutMapping("/provisioning/default-role")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "The role of a provisioned person in no group that gives one (not administrator or guest auditor)")
    DefaultRole updateDefaultRole(@PathVariable UUID organisationId, @Valid @RequestBody DefaultRole request) {
        provisioning.setDefaultRole(CurrentTenant.require(), request.defaultRole());
        return new DefaultRole(provisioning.defaultRole(CurrentTenant.require().organisationId()));
    }

    record GroupRoles(@NotNull(message = "List the roles, or none") Set<Role> roles, Long version) {
    }

    @PutMapping("/scim-groups/{groupId}/roles")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "The roles the provider's group gives its provisioned members; they hold them at once")
    Provisioning.Team updateGroupRoles(@PathVariable UUID organisationId, @PathVariable UUID groupId, @Valid @RequestBody GroupRoles request) {
        return provisioning.grant(CurrentTenant.require(), groupId, request.roles(), request.version());
    }
}
