package dev.ratchet.objective.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.ratchet.objective.ObjectiveColumns;
import dev.ratchet.improvement.Kind;
import dev.ratchet.objective.Direction;
import dev.ratchet.objective.Frequency;
import dev.ratchet.objective.MeasurementForm;
import dev.ratchet.objective.ObjectiveForm;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.objective.ObjectiveSummary;
import dev.ratchet.objective.ObjectiveView;
import dev.ratchet.objective.ReviewForm;
import dev.ratchet.objective.ReviewOutcome;
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

import org.springframework.data.domain.Page;
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
class ObjectiveController {

    static final List<Column<ObjectiveSummary>> COLUMNS = ObjectiveColumns.COLUMNS;

    private final ObjectiveManagement objectives;
    private final OrganisationManagement organisations;
    private final People people;

    ObjectiveController(ObjectiveManagement objectives, OrganisationManagement organisations, People people) {
        this.objectives = objectives;
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping("/objectives")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(defaultValue = "ACTIVE") String status, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        Page<ObjectiveSummary> objectivesPage = objectives.search(org, status.equals("ALL") ? null : status, ownerId, q,
                PageRequest.of(Math.max(page, 0), 50, Sort.by("reference")));
        model.addAttribute("objectives", objectivesPage);
        model.addAttribute("status", status);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("q", q);
        model.addAttribute("people", people.assignableIn(org));
        return "objective/register";
    }

    @GetMapping({"/objectives/export.csv", "/objectives/export.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void export(@RequestParam(defaultValue = "ALL") String status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        TableExport.respond(request, response, "objectives", "Objectives", COLUMNS, TableExport.allPages(
                page -> objectives.search(org, status.equals("ALL") ? null : status, null, null, page), Sort.by("reference")));
    }

    /** Every measurement, in the columns the measurement import reads: the export imports back. */
    @GetMapping({"/objectives/measurements.csv", "/objectives/measurements.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void exportMeasurements(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        TableExport.respond(request, response, "measurements", "Measurements", MEASUREMENT_COLUMNS,
                TableExport.allPages(page -> objectives.measurementRows(org, page), Sort.unsorted()));
    }

    static final List<dev.ratchet.tabular.Column<dev.ratchet.objective.MeasurementRow>> MEASUREMENT_COLUMNS = ObjectiveColumns.MEASUREMENT_COLUMNS;

    @GetMapping("/objectives/new")
    @PreAuthorize(Access.CONFIGURE)
    String newObjective(@ModelAttribute("objective") ObjectiveForm objective, Model model) {
        return form(model, null);
    }

    @PostMapping("/objectives")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("objective") ObjectiveForm objective, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ObjectiveView created = objectives.create(CurrentTenant.require(), objective);
                redirect.addFlashAttribute("success", created.reference() + " is set. Enter its first measurement when you have one.");
                return "redirect:/objectives/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/objectives/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        ObjectiveView o = objectives.get(CurrentTenant.require().organisationId(), id);
        ObjectiveForm form = new ObjectiveForm();
        form.setTitle(o.title());
        form.setMeasure(o.measure());
        form.setUnit(o.unit());
        form.setTarget(o.target());
        form.setDirection(o.direction());
        form.setFrequency(o.frequency());
        form.setOwnerId(o.ownerId());
        form.setDataSource(o.dataSource());
        form.setVersion(o.version());
        model.addAttribute("objective", form);
        return form(model, o);
    }

    @PostMapping("/objectives/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("objective") ObjectiveForm objective, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                objectives.update(CurrentTenant.require(), id, objective);
                redirect.addFlashAttribute("success", "Saved.");
                return "redirect:/objectives/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, objectives.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, ObjectiveView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("directions", Direction.values());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("people", people.assignableIn(CurrentTenant.require().organisationId()));
        return "objective/form";
    }

    @GetMapping("/objectives/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ObjectiveView objective = objectives.get(tenant.organisationId(), id);
        model.addAttribute("o", objective);
        if (!model.containsAttribute("measurement")) {
            MeasurementForm measurement = new MeasurementForm();
            measurement.setMeasuredOn(objectives.today(tenant.organisationId()));
            model.addAttribute("measurement", measurement);
        }
        if (!model.containsAttribute("review")) {
            ReviewForm review = new ReviewForm();
            review.setVersion(objective.version());
            model.addAttribute("review", review);
        }
        model.addAttribute("outcomes", ReviewOutcome.values());
        boolean manager = tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
        model.addAttribute("manager", manager);
        model.addAttribute("measures", manager || tenant.userId().equals(objective.ownerId()));
        return "objective/objective";
    }

    @PostMapping("/objectives/{id}/measurements")
    @PreAuthorize(Access.REPORT)
    String measure(@PathVariable UUID id, @Valid @ModelAttribute("measurement") MeasurementForm measurement,
            BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ObjectiveView o = objectives.measure(CurrentTenant.require(), id, measurement);
                redirect.addFlashAttribute("success", "Measurement saved: " + (Boolean.TRUE.equals(o.onTarget()) ? "on target." : "off target."));
                return "redirect:/objectives/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.measurement", result);
        redirect.addFlashAttribute("measurement", measurement);
        return "redirect:/objectives/" + id + "#measure";
    }

    @PostMapping("/objectives/{id}/reviews")
    @PreAuthorize(Access.CONFIGURE)
    String review(@PathVariable UUID id, @Valid @ModelAttribute("review") ReviewForm review, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                objectives.review(CurrentTenant.require(), id, review);
                redirect.addFlashAttribute("success", "The review is recorded.");
                return "redirect:/objectives/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.review", result);
        redirect.addFlashAttribute("review", review);
        return "redirect:/objectives/" + id + "#review";
    }

    // --- importing measurements --------------------------------------------------------------------------------

}
