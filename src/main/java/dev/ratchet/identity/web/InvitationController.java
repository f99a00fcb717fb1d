package dev.ratchet.identity.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.InvitationImport;
import dev.ratchet.identity.Invitations;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.mail.MailDelivery;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's invitations: one person, a pasted list, or a file; the list of those not yet accepted, to send
 * again or withdraw. Without a mail server each link is shown once, to copy.
 */
@Controller
class InvitationController {

    private static final String PATH = "/members/invitations";
    /** "Name <address>", "address, Name", "Name, address" or just the address, one a line. */
    private static final Pattern ANGLED = Pattern.compile("^\\s*\"?([^<\"]*?)\"?\\s*<([^>]+)>\\s*$");

    private final Invitations invitations;
    private final IdentityManagement identity;
    private final MailDelivery delivery;
    private final Imports imports;
    private final InvitationImport importer;
    private final ImportPage page;

    InvitationController(Invitations invitations, IdentityManagement identity, MailDelivery delivery, Imports imports,
            InvitationImport importer) {
        this.invitations = invitations;
        this.identity = identity;
        this.delivery = delivery;
        this.imports = imports;
        this.importer = importer;
        this.page = new ImportPage("Invite people from a file", "Invitations", PATH, importer);
    }

    @GetMapping("/members/invite")
    @PreAuthorize(Access.ADMIN)
    String inviteForm(@ModelAttribute("member") MemberForm member, Model model) {
        return invitePage(model);
    }

    @PostMapping(PATH)
    @PreAuthorize(Access.ADMIN)
    String invite(@Valid @ModelAttribute("member") MemberForm member, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return invitePage(model);
        }
        try {
            sent(redirect, List.of(invitations.invite(CurrentTenant.require(), member)));
            return "redirect:" + PATH;
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return invitePage(model);
        }
    }

    /** Several people at once, one a line, with the same roles: all invited, or none and each problem named by line. */
    @PostMapping(PATH + "/list")
    @PreAuthorize(Access.ADMIN)
    String inviteList(@RequestParam(required = false) String people, @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) UUID lineManagerId, Model model, RedirectAttributes redirect) {
        List<String> lines = people == null ? List.of() : people.lines().filter(l -> !l.isBlank()).toList();
        List<MemberForm> forms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MemberForm form = parse(lines.get(i));
            if (form == null) {
                problems.add("Line " + (i + 1) + " (" + lines.get(i).strip() + "): write an e-mail address, like Jo Bloggs <jo@example.com>");
                continue;
            }
            form.setRoles(roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles));
            form.setLineManagerId(lineManagerId);
            forms.add(form);
        }
        if (lines.isEmpty()) {
            problems.add("List at least one person, one a line");
        }
        if ((roles == null || roles.isEmpty())) {
            model.addAttribute("listRolesError", "Give the people at least one role");
        }
        if (problems.isEmpty() && roles != null && !roles.isEmpty()) {
            try {
                sent(redirect, invitations.inviteAll(CurrentTenant.require(), forms));
                return "redirect:" + PATH;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                refused.fieldErrors().forEach((field, message) -> problems.add(message.replaceFirst("^Person ", "Line ")));
                if (refused.fieldErrors().isEmpty()) {
                    problems.add(refused.getMessage());
                }
            }
        }
        model.addAttribute("member", new MemberForm());
        model.addAttribute("listPeople", people);
        model.addAttribute("listRoles", roles == null ? Set.of() : roles);
        model.addAttribute("listLineManagerId", lineManagerId);
        model.addAttribute("listProblems", problems);
        model.addAttribute("tab", "list");
        return invitePage(model);
    }

    @GetMapping(PATH)
    @PreAuthorize(Access.ADMIN)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("invitations", invitations.open(tenant.organisationId(), PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("mailConfigured", delivery.configured());
        return "identity/invitations";
    }

    @PostMapping(PATH + "/{id}/resend")
    @PreAuthorize(Access.ADMIN)
    String resend(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            sent(redirect, List.of(invitations.sendAgain(CurrentTenant.require(), id, version)));
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/withdraw")
    @PreAuthorize(Access.ADMIN)
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return Forms.acted(PATH, redirect, () -> {
            Invitations.InvitationView withdrawn = invitations.withdraw(CurrentTenant.require(), id, version);
            return "The invitation to " + withdrawn.email() + " is withdrawn: its link no longer works.";
        });
    }

    @GetMapping(PATH + "/import")
    @PreAuthorize(Access.ADMIN)
    String importForm(Model model) {
        return page.show(model);
    }

    @GetMapping(PATH + "/import/template.csv")
    @PreAuthorize(Access.ADMIN)
    ResponseEntity<byte[]> importTemplate() {
        return page.template("invitations.csv");
    }

    @PostMapping(PATH + "/import")
    @PreAuthorize(Access.ADMIN)
    String upload(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        return page.upload(model, imports, importer, CurrentTenant.require(), file, List.of("Name", "E-mail", "Roles"),
                f -> List.of(f.getDisplayName(), f.getEmail(), String.join(", ", f.getRoles().stream().sorted().map(Role::label).toList())));
    }

    @PostMapping(PATH + "/import/{uploadId}")
    @PreAuthorize(Access.ADMIN)
    String confirm(@PathVariable UUID uploadId, RedirectAttributes redirect) {
        String view = page.confirm(redirect, imports, CurrentTenant.require(), uploadId, "invitation");
        if (!delivery.configured()) {
            redirect.addFlashAttribute("info", "No mail server is configured, so the invitations wait in the outbox: "
                    + "use \"Send again\" beside a person to get a link to pass on yourself.");
        }
        return view;
    }

    private void sent(RedirectAttributes redirect, List<Invitations.Sent> sent) {
        if (sent.size() == 1) {
            redirect.addFlashAttribute("success", sent.get(0).mailed()
                    ? "Invitation sent to " + sent.get(0).invitation().email() + "."
                    : "Invitation made for " + sent.get(0).invitation().email() + ".");
        }
        else {
            redirect.addFlashAttribute("success", sent.size() + " invitations " + (sent.get(0).mailed() ? "sent." : "made."));
        }
        if (!sent.get(0).mailed()) {
            redirect.addFlashAttribute("links", sent.stream().map(s -> Map.of("email", s.invitation().email(), "link", s.link())).toList());
        }
    }

    private String invitePage(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("people", identity.activeMembersOf(CurrentTenant.require().organisationId()));
        model.addAttribute("mailConfigured", delivery.configured());
        model.addAttribute("validDays", invitations.validFor().toDays());
        return "identity/invite";
    }

    static MemberForm parse(String line) {
        String text = line.strip();
        String name;
        String email;
        Matcher angled = ANGLED.matcher(text);
        if (angled.matches()) {
            name = angled.group(1).strip();
            email = angled.group(2).strip();
        }
        else {
            String[] parts = text.split("\\s*[,;\\t]\\s*", 2);
            if (parts.length == 2) {
                boolean firstIsMail = parts[0].contains("@");
                email = firstIsMail ? parts[0] : parts[1];
                name = firstIsMail ? parts[1] : parts[0];
            }
            else {
                email = text;
                name = "";
            }
        }
        if (!email.contains("@") || email.contains(" ")) {
            return null;
        }
        MemberForm form = new MemberForm();
        form.setEmail(email);
        // Without a name, the part before @ stands in ("jo.bloggs" becomes "Jo Bloggs"); the person can change it when joining.
        form.setDisplayName(name.isBlank() ? nameFrom(email) : name);
        return form;
    }

    private static String nameFrom(String email) {
        String local = email.substring(0, email.indexOf('@'));
        StringBuilder name = new StringBuilder();
        for (String part : local.split("[._-]+")) {
            if (!part.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.length() == 0 ? local : name.toString();
    }
}
