package dev.ratchet.identity.web;

import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.Provisioning;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisation → Provisioning: the SCIM address and tokens for the identity provider, and the roles its groups give. */
@Controller
class ProvisioningController {

    private static final String PAGE = "/organisation/provisioning";

    private final Provisioning provisioning;
    private final String baseUrl;

    ProvisioningController(Provisioning provisioning, @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.provisioning = provisioning;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
    }

    @GetMapping(PAGE)
    @PreAuthorize(Access.ADMIN)
    String page(Model model) {
        UUID organisationId = CurrentTenant.require().organisationId();
        model.addAttribute("scimUrl", baseUrl + "/scim/v2");
        model.addAttribute("tokens", provisioning.tokens(organisationId));
        model.addAttribute("groups", provisioning.teams(organisationId));
        model.addAttribute("defaultRole", provisioning.defaultRole(organisationId));
        model.addAttribute("roles", Role.values());
        return "identity/provisioning";
    }

    @PostMapping(PAGE + "/tokens")
    @PreAuthorize(Access.ADMIN)
    String createToken(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            Provisioning.NewToken token = provisioning.createToken(CurrentTenant.require(), name);
            redirect.addFlashAttribute("newScimToken", token.token());
            redirect.addFlashAttribute("success", "Token \"" + token.details().name() + "\" created: copy it into the provider now, it is not shown again.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("tokenError", refused.getMessage());
        }
        return "redirect:" + PAGE + "#tokens";
    }

    @PostMapping(PAGE + "/tokens/{id}/revoke")
    @PreAuthorize(Access.ADMIN)
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        return Forms.acted(PAGE + "#tokens", redirect, () -> "Token \"" + provisioning.revokeToken(CurrentTenant.require(), id).name()
                + "\" revoked: the provider's next call with it is refused.");
    }

    @PostMapping(PAGE + "/default-role")
    @PreAuthorize(Access.ADMIN)
    String defaultRole(@RequestParam(required = false) Role defaultRole, RedirectAttributes redirect) {
        return Forms.acted(PAGE + "#groups", redirect, () -> {
            provisioning.setDefaultRole(CurrentTenant.require(), defaultRole);
            return "People in no group that gives a role are " + defaultRole.label() + " now.";
        });
    }

    @PostMapping(PAGE + "/groups/{id}/roles")
    @PreAuthorize(Access.ADMIN)
    String groupRoles(@PathVariable UUID id, @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return Forms.acted(PAGE + "#groups", redirect, () -> {
            Provisioning.Team team = provisioning.grant(CurrentTenant.require(), id, roles == null ? Set.of() : roles, version);
            return "Members of " + team.displayName() + " now hold " + (team.roles().isEmpty() ? "the default role"
                    : String.join(", ", team.roles().stream().sorted().map(Role::label).toList())) + ".";
        });
    }
}
