package dev.ratchet.organisation.web;

import java.util.UUID;

import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaRisk;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Areas and processes of the organisation, each with an owner. */
@Controller
class AreaController {

    private final OrganisationManagement organisations;
    private final People people;

    AreaController(OrganisationManagement organisations, People people) {
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping("/areas")
    @PreAuthorize(Access.MEMBER)
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("areas", organisations.areas(CurrentTenant.require().organisationId(), q,
                PageRequest.of(Math.max(page, 0), 25, Sort.by("name"))));
        model.addAttribute("q", q);
        return htmx != null ? "organisation/areas :: results" : "organisation/areas";
    }

    @GetMapping("/areas/new")
    @PreAuthorize(Access.CONFIGURE)
    String newArea(@ModelAttribute("area") AreaForm area, Model model) {
        return page(model, null);
    }

    @PostMapping("/areas")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("area") AreaForm area, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model, null);
        }
        try {
            AreaView created = organisations.createArea(CurrentTenant.require().organisationId(), area);
            redirect.addFlashAttribute("success", "Area \"" + created.name() + "\" added.");
            return "redirect:/areas/" + created.id();
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return page(model, null);
        }
    }

    @GetMapping("/areas/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        AreaView view = organisations.area(CurrentTenant.require().organisationId(), id);
        AreaForm form = new AreaForm();
        form.setName(view.name());
        form.setDescription(view.description());
        form.setOwnerId(view.ownerId());
        form.setRisk(view.risk());
        form.setMemberIds(new java.util.ArrayList<>(view.memberIds()));
        form.setVersion(view.version());
        model.addAttribute("area", form);
        return page(model, view);
    }

    @PostMapping("/areas/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("area") AreaForm area, BindingResult result,
            Model model, RedirectAttributes redirect) {
        AreaView existing = organisations.area(CurrentTenant.require().organisationId(), id);
        if (result.hasErrors()) {
            return page(model, existing);
        }
        try {
            organisations.updateArea(CurrentTenant.require().organisationId(), id, area);
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return page(model, existing);
        }
        redirect.addFlashAttribute("success", "Area saved.");
        return "redirect:/areas/" + id;
    }

    @PostMapping("/areas/{id}/delete")
    @PreAuthorize(Access.CONFIGURE)
    String delete(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        AreaView existing = organisations.area(CurrentTenant.require().organisationId(), id);
        try {
            organisations.deleteArea(CurrentTenant.require().organisationId(), id, version);
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/areas/" + id;
        }
        redirect.addFlashAttribute("success", "Area \"" + existing.name() + "\" deleted. Its history is kept.");
        return "redirect:/areas";
    }

    private String page(Model model, AreaView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("people", people.assignableIn(CurrentTenant.require().organisationId()));
        model.addAttribute("risks", AreaRisk.values());
        return "organisation/area";
    }
}
