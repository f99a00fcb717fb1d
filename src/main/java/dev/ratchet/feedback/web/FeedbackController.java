package dev.ratchet.feedback.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.ratchet.feedback.FeedbackColumns;
import dev.ratchet.feedback.FeedbackForm;
import dev.ratchet.feedback.FeedbackKind;
import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.feedback.FeedbackStatus;
import dev.ratchet.feedback.FeedbackSummary;
import dev.ratchet.feedback.FeedbackView;
import dev.ratchet.feedback.PartyType;
import dev.ratchet.improvement.Kind;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.Column;
import dev.ratchet.tabular.TableExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class FeedbackController {

    static final List<Column<FeedbackSummary>> COLUMNS = FeedbackColumns.COLUMNS;

    private final FeedbackManagement feedback;
    private final OrganisationManagement organisations;
    private final People people;

    FeedbackController(FeedbackManagement feedback, OrganisationManagement organisations, People people) {
        this.feedback = feedback;
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping("/feedback")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(required = false) FeedbackStatus status, @RequestParam(required = false) FeedbackKind kind,
            @RequestParam(required = false) Boolean parties, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("feedback", feedback.search(CurrentTenant.require(), status, kind, parties, q,
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "receivedOn", "reference"))));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("parties", parties);
        model.addAttribute("q", q);
        model.addAttribute("statuses", FeedbackStatus.values());
        model.addAttribute("kinds", FeedbackKind.values());
        return "feedback/register";
    }

    @GetMapping({"/feedback/export.csv", "/feedback/export.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = CurrentTenant.require();
        TableExport.respond(request, response, "feedback", "Feedback", COLUMNS, TableExport.allPages(
                page -> feedback.search(tenant, null, null, null, null, page), Sort.by("receivedOn", "reference")));
    }

    @GetMapping("/feedback/new")
    @PreAuthorize(Access.REPORT)
    String newFeedback(@ModelAttribute("item") FeedbackForm item, @RequestParam(defaultValue = "false") boolean party, Model model) {
        if (party) {
            item.setPartyType(PartyType.CUSTOMER);
            item.setReceivedOn(feedback.today(CurrentTenant.require().organisationId()));
        }
        return form(model, party);
    }

    @PostMapping("/feedback")
    @PreAuthorize(Access.REPORT)
    String submit(@Valid @ModelAttribute("item") FeedbackForm item, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                FeedbackView created = feedback.submit(CurrentTenant.require(), item);
                redirect.addFlashAttribute("success", "Thank you: " + created.reference() + " is with the ISMS manager.");
                return "redirect:/feedback/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, item.getPartyType() != null && item.getPartyType() != PartyType.MEMBER);
    }

    @GetMapping("/feedback/{id}/edit")
    @PreAuthorize(Access.REPORT)
    String edit(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        FeedbackView f = feedback.get(tenant, id);
        if (!f.mine() && !tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new org.springframework.security.access.AccessDeniedException("The reporter or the ISMS manager corrects feedback");
        }
        FeedbackForm form = new FeedbackForm();
        form.setKind(f.kind());
        form.setSubject(f.subject());
        form.setText(f.text());
        form.setAnonymous(f.anonymous());
        form.setPartyType(f.partyType());
        form.setPartyName(f.partyName());
        form.setReceivedOn(f.receivedOn());
        form.setVersion(f.version());
        model.addAttribute("item", form);
        model.addAttribute("existing", f);
        return form(model, f.partyType() != PartyType.MEMBER);
    }

    @PostMapping("/feedback/{id}")
    @PreAuthorize(Access.REPORT)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("item") FeedbackForm item, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        if (!result.hasErrors()) {
            try {
                feedback.update(tenant, id, item);
                redirect.addFlashAttribute("success", "Saved.");
                return "redirect:/feedback/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        model.addAttribute("existing", feedback.get(tenant, id));
        return form(model, item.getPartyType() != null && item.getPartyType() != PartyType.MEMBER);
    }

    private String form(Model model, boolean party) {
        if (!model.containsAttribute("existing")) {
            model.addAttribute("existing", null);
        }
        model.addAttribute("party", party);
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("partyTypes", java.util.Arrays.stream(PartyType.values()).filter(p -> p != PartyType.MEMBER).toList());
        return "feedback/form";
    }

    @GetMapping("/feedback/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("f", feedback.get(tenant, id));
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        return "feedback/feedback";
    }

    @PostMapping("/feedback/{id}/close")
    @PreAuthorize(Access.CONFIGURE)
    String close(@PathVariable UUID id, @RequestParam(required = false) String reply, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        try {
            feedback.close(CurrentTenant.require(), id, reply, version);
            redirect.addFlashAttribute("success", "Closed with your reply.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/feedback/" + id;
    }

}
