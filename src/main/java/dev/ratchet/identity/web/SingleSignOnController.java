package dev.ratchet.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberView;
import dev.ratchet.identity.Provisioning;
import dev.ratchet.identity.Role;
import dev.ratchet.identity.SingleSignOn;
import dev.ratchet.identity.SingleSignOnLogin;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation → Single sign-on (the administrator connects the organisation's OpenID provider) and the sign-in page's
 * side of it: which provider covers an address (home-realm discovery), and the way there.
 */
@Controller
class SingleSignOnController {

    private static final String PAGE = "/organisation/single-sign-on";

    private final SingleSignOn singleSignOn;
    private final IdentityManagement identity;
    private final Provisioning provisioning;
    private final String baseUrl;
    private final boolean baseUrlSet;

    SingleSignOnController(SingleSignOn singleSignOn, IdentityManagement identity, Provisioning provisioning,
            @Value("${ratchet.base-url:}") String baseUrl) {
        this.singleSignOn = singleSignOn;
        this.identity = identity;
        this.provisioning = provisioning;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
        this.baseUrlSet = !baseUrl.isBlank();
    }

    // --- the administrator's page ----------------------------------------------------------------------------------

    @GetMapping(PAGE)
    @PreAuthorize(Access.ADMIN)
    String page(Model model, HttpServletRequest request) {
        UUID organisationId = CurrentTenant.require().organisationId();
        var connection = singleSignOn.connection(organisationId);
        if (!model.containsAttribute("sso")) {
            SingleSignOnForm form = new SingleSignOnForm();
            connection.ifPresent(c -> {
                form.setDisplayName(c.displayName());
                form.setIssuer(c.issuer());
                form.setClientId(c.clientId());
                form.setDomains(String.join("\n", c.domains()));
                form.setGroupsClaim(c.groupsClaim());
                form.setGroups(String.join("\n", c.groups().stream().map(g -> g.group() + " = "
                        + String.join(", ", g.roles().stream().sorted().map(Role::label).toList())).toList()));
                form.setJustInTime(c.justInTime());
                form.setSsoOnly(c.ssoOnly());
                form.setEnabled(c.enabled());
                form.setBreakGlassMemberIds(new ArrayList<>(c.breakGlassMemberIds()));
                form.setVersion(c.version());
            });
            form.setDefaultRole(provisioning.defaultRole(organisationId));
            model.addAttribute("sso", form);
        }
        model.addAttribute("connection", connection.orElse(null));
        model.addAttribute("administrators", identity.members(organisationId, "", Role.ADMIN, PageRequest.of(0, 200))
                .getContent().stream().filter(MemberView::active).toList());
        model.addAttribute("roles", Role.values());
        String base = baseUrlSet ? baseUrl : org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromContextPath(request).build().toUriString();
        model.addAttribute("redirectUri", connection.map(c -> base + "/login/oauth2/code/" + c.registrationId())
                .orElse(base + "/login/oauth2/code/… (shown once saved)"));
        model.addAttribute("signInUrl", base + "/login");
        return "identity/single-sign-on";
    }

    @PostMapping(PAGE)
    @PreAuthorize(Access.ADMIN)
    String save(@ModelAttribute("sso") SingleSignOnForm form, BindingResult result, RedirectAttributes redirect) {
        String secret = form.getClientSecret();
        // The secret is never sent back to the page, not even to a form shown again after a mistake.
        form.setClientSecret(null);
        return Forms.submitted(PAGE, "sso", form, result, redirect, "", "#sso-form", () -> {
            SingleSignOn.View saved = singleSignOn.save(CurrentTenant.require(), new SingleSignOn.Settings(form.getDisplayName(),
                    form.getIssuer(), form.getClientId(), secret, lines(form.getDomains()), form.getGroupsClaim(),
                    form.isJustInTime(), form.isSsoOnly(), form.isEnabled(), form.getDefaultRole(), groups(form.getGroups()),
                    form.getBreakGlassMemberIds(), form.getVersion()));
            return "Single sign-on through " + saved.displayName() + " is saved" + (saved.enabled()
                    ? ": people of " + String.join(", ", saved.domains()) + " are offered it on the sign-in page." : ", switched off.");
        });
    }

    @PostMapping(PAGE + "/removal")
    @PreAuthorize(Access.ADMIN)
    String remove(@RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return Forms.acted(PAGE, redirect, () -> {
            singleSignOn.remove(CurrentTenant.require(), version);
            return "Single sign-on is disconnected: members sign in with their passwords (or choose one with \"Forgot your password?\").";
        });
    }

    // --- the sign-in page ----------------------------------------------------------------------------------------

    /** Home-realm discovery: the address's provider, or the page that asks for the address. */
    @GetMapping("/login/sso")
    String toProvider(@RequestParam(required = false) String email, Model model) {
        if (email == null || email.isBlank()) {
            return "identity/sso-sign-in";
        }
        var provider = singleSignOn.providerFor(email.strip());
        if (provider.isPresent()) {
            return "redirect:/oauth2/authorization/" + provider.get().registrationId();
        }
        model.addAttribute("email", email.strip());
        model.addAttribute("error", "No organisation in this Ratchet signs in by single sign-on for "
                + email.strip().substring(email.strip().lastIndexOf('@') + 1) + ". Sign in with your password instead.");
        return "identity/sso-sign-in";
    }

    /** The offer under the address field, as the person types (htmx): the button, or nothing. */
    @GetMapping("/login/sso/offer")
    String offer(@RequestParam(required = false) String email, Model model) {
        singleSignOn.providerFor(email == null ? null : email.strip()).ifPresent(p -> model.addAttribute("provider", p));
        return "identity/login :: sso-offer";
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,; ]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "isms-managers = ISMS manager, Internal auditor" a line; a role by its name or its label. */
    static List<SingleSignOn.GroupRoles> groups(String text) {
        List<SingleSignOn.GroupRoles> groups = new ArrayList<>();
        if (text == null) {
            return groups;
        }
        int line = 0;
        for (String raw : text.split("\\r?\\n")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            int equals = raw.lastIndexOf('=');
            if (equals < 0) {
                throw Refused.field("groups", "Line " + line + ": write the group, \"=\", then its roles, e.g. isms-team = ISMS manager");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : raw.substring(equals + 1).split(",")) {
                if (!name.isBlank()) {
                    roles.add(role(name.strip(), line));
                }
            }
            groups.add(new SingleSignOn.GroupRoles(raw.substring(0, equals).strip(), roles));
        }
        return groups;
    }

    private static Role role(String name, int line) {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(name.replace(' ', '_')) || r.label().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw Refused.field("groups", "Line " + line + ": \"" + name + "\" is not a role; the roles are "
                + String.join(", ", Arrays.stream(Role.values()).map(Role::label).toList()).toLowerCase(Locale.ROOT));
    }

}
