package dev.ratchet.identity.web;

import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.MemberView;
import dev.ratchet.identity.PasswordPolicy;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people of the current organisation: list, add, change roles, end access. */
@Controller
class MemberController {

    static final int PAGE_SIZE = 25;

    private final IdentityManagement identity;
    private final java.util.List<dev.ratchet.shared.OpenWork> openWork;

    MemberController(IdentityManagement identity, java.util.List<dev.ratchet.shared.OpenWork> openWork) {
        this.identity = identity;
        this.openWork = openWork;
    }

    @GetMapping("/members")
    @PreAuthorize(Access.REPORT)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Tenant tenant = CurrentTenant.require();
        Sort order = switch (sort) {
            case "email" -> JpaSort.unsafe("u.email");
            case "joined" -> JpaSort.unsafe(Sort.Direction.DESC, "m.createdAt");
            default -> JpaSort.unsafe("lower(u.displayName)");
        };
        Page<MemberView> members = identity.members(tenant.organisationId(), q, role,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, order)).map(m -> m.forReader(tenant));
        model.addAttribute("members", members);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("sort", sort);
        model.addAttribute("roles", Role.values());
        return htmx != null ? "identity/members :: results" : "identity/members";
    }

    /** People are invited and choose their own password; the old address of the form leads there. */
    @GetMapping("/members/new")
    @PreAuthorize(Access.ADMIN)
    String newMember() {
        return "redirect:/members/invite";
    }

    @GetMapping("/members/{id}")
    @PreAuthorize(Access.REPORT)
    String show(@PathVariable UUID id, Model model) {
        MemberView view = identity.member(CurrentTenant.require().organisationId(), id).forReader(CurrentTenant.require());
        MemberForm form = new MemberForm();
        form.setEmail(view.email());
        form.setDisplayName(view.displayName());
        form.setRoles(new java.util.HashSet<>(view.roles()));
        form.setLineManagerId(view.lineManagerId());
        form.setAccessUntil(view.accessUntil());
        form.setVersion(view.version());
        model.addAttribute("member", form);
        return editPage(model, view);
    }

    @PostMapping("/members/{id}")
    @PreAuthorize(Access.ADMIN)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("member") MemberForm member, BindingResult result, Model model,
            RedirectAttributes redirect) {
        UUID organisationId = CurrentTenant.require().organisationId();
        MemberView existing = identity.member(organisationId, id);
        if (result.hasErrors()) {
            return editPage(model, existing);
        }
        try {
            MemberView saved = identity.updateMember(organisationId, id, member);
            redirect.addFlashAttribute("success", "Saved the changes to " + saved.displayName() + ".");
            return "redirect:/members/" + id;
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return editPage(model, existing);
        }
    }

    @PostMapping("/members/{id}/deactivate")
    @PreAuthorize(Access.ADMIN)
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            MemberView view = identity.deactivateMember(CurrentTenant.require().organisationId(), id, version);
            redirect.addFlashAttribute("success", view.displayName() + " no longer has access. Open sessions have ended.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/reactivate")
    @PreAuthorize(Access.ADMIN)
    String reactivate(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            MemberView view = identity.reactivateMember(CurrentTenant.require().organisationId(), id, version);
            redirect.addFlashAttribute("success", view.displayName() + " has access again.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/second-factor/reset")
    @PreAuthorize(Access.ADMIN)
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        return Forms.acted("/members/" + id, redirect, () -> identity.resetSecondFactor(CurrentTenant.require(), id).displayName()
                + " signs in with the password alone until they set up a second factor again; they were told by e-mail.");
    }

    @PostMapping("/members/{id}/unlock")
    @PreAuthorize(Access.ADMIN)
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        MemberView view = identity.unlockSignIn(CurrentTenant.require().organisationId(), id);
        redirect.addFlashAttribute("success", view.displayName() + " can sign in again now.");
        return "redirect:/members/" + id;
    }

    private String editPage(Model model, MemberView existing) {
        model.addAttribute("existing", existing);
        // Someone whose access ended leaves work behind: listed for the ISMS manager to give to someone else.
        model.addAttribute("openWork", existing == null || existing.active() ? java.util.List.of()
                : dev.ratchet.shared.OpenWork.all(openWork, CurrentTenant.require().organisationId(), existing.userId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("people", identity.activeMembersOf(CurrentTenant.require().organisationId()));
        model.addAttribute("minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH);
        return "identity/member";
    }
}
