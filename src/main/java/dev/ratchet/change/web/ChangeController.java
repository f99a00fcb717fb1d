package dev.ratchet.change.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.change.ChangeFilter;
import dev.ratchet.change.ChangeForm;
import dev.ratchet.change.ChangeManagement;
import dev.ratchet.change.ChangeStatus;
import dev.ratchet.change.ChangeStep;
import dev.ratchet.change.ChangeSummary;
import dev.ratchet.change.ChangeView;
import dev.ratchet.document.Downloads;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.improvement.Kind;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ChangeController {

    private final ChangeManagement changes;
    private final OrganisationManagement organisations;
    private final People people;
    private final PdfDocuments pdf;

    ChangeController(ChangeManagement changes, OrganisationManagement organisations, People people, PdfDocuments pdf) {
        this.changes = changes;
        this.organisations = organisations;
        this.people = people;
        this.pdf = pdf;
    }

    @GetMapping("/changes")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        ChangeFilter filter = new ChangeFilter(status, from, to, q);
        model.addAttribute("changes", changes.search(CurrentTenant.require().organisationId(), filter,
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "plannedDate", "reference"))));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ChangeStatus.values());
        return "change/register";
    }

    private java.util.function.Consumer<java.util.function.Consumer<ChangeSummary>> pages(ChangeStatus status) {
        UUID org = CurrentTenant.require().organisationId();
        return TableExport.allPages(page -> changes.search(org, new ChangeFilter(status, null, null, null), page),
                Sort.by("plannedDate", "reference"));
    }

    private List<ChangeSummary> all(ChangeStatus status) {
        List<ChangeSummary> all = new ArrayList<>();
        pages(status).accept(all::add);
        return all;
    }

    @GetMapping({"/changes/export.csv", "/changes/export.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void export(@RequestParam(required = false) ChangeStatus status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TableExport.respond(request, response, "isms-change-log", "ISMS change log", dev.ratchet.change.ChangeLog.COLUMNS, pages(status));
    }

    @GetMapping("/changes/export.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> exportPdf(@RequestParam(required = false) ChangeStatus status) {
        UUID org = CurrentTenant.require().organisationId();
        return Downloads.pdf("isms-change-log", pdf.render("change/log-pdf", Map.of("changes", all(status),
                "organisation", organisations.get(org).name(), "today", changes.today(org).toString()), organisations.logo(org)));
    }

    @GetMapping("/changes/new")
    @PreAuthorize(Access.CONFIGURE)
    String newChange(@ModelAttribute("change") ChangeForm change, @RequestParam(required = false) String cause, Model model) {
        if (cause != null) {
            change.setCauseReference(cause);
        }
        return form(model, null);
    }

    @PostMapping("/changes")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("change") ChangeForm change, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ChangeView created = changes.record(CurrentTenant.require(), change);
                redirect.addFlashAttribute("success", created.reference() + " is planned. It needs approving before it is implemented.");
                return "redirect:/changes/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/changes/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        ChangeView c = changes.get(CurrentTenant.require().organisationId(), id);
        ChangeForm form = new ChangeForm();
        form.setTitle(c.title());
        form.setReason(c.reason());
        form.setImpact(c.impact());
        form.setPlannedDate(c.plannedDate());
        form.setApproverId(c.approverId());
        form.setCauseReference(c.causeReference());
        form.setVersion(c.version());
        model.addAttribute("change", form);
        return form(model, c);
    }

    @PostMapping("/changes/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("change") ChangeForm change, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                changes.update(CurrentTenant.require(), id, change);
                redirect.addFlashAttribute("success", "Saved.");
                return "redirect:/changes/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, changes.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, ChangeView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("people", people.assignableIn(CurrentTenant.require().organisationId()));
        return "change/form";
    }

    @GetMapping("/changes/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ChangeView change = changes.get(tenant.organisationId(), id);
        model.addAttribute("c", change);
        model.addAttribute("approver", change.approverId() == null ? tenant.hasAnyRole("MANAGEMENT") : tenant.userId().equals(change.approverId()));
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        return "change/change";
    }

    @PostMapping("/changes/{id}/steps")
    @PreAuthorize(Access.REPORT)
    String step(@PathVariable UUID id, @Valid @ModelAttribute ChangeStep step, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", result.getAllErrors().get(0).getDefaultMessage());
            return "redirect:/changes/" + id;
        }
        try {
            ChangeView c = changes.step(CurrentTenant.require(), id, step);
            redirect.addFlashAttribute("success", "The change is " + c.status().label().toLowerCase() + ".");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/changes/" + id;
    }

}
