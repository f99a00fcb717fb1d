package dev.ratchet.review.web;

import java.util.ArrayList;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.review.AgendaItemForm;
import dev.ratchet.review.AmendmentForm;
import dev.ratchet.review.InputsForm;
import dev.ratchet.review.MinutesForm;
import dev.ratchet.review.ReviewDocuments;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewView;
import dev.ratchet.review.Schedule;
import dev.ratchet.review.ScheduleForm;
import dev.ratchet.review.TeamForm;
import dev.ratchet.review.TeamView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.Autosave;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ReviewController {

    private final ReviewManagement reviews;
    private final ReviewDocuments documents;
    private final People people;

    ReviewController(ReviewManagement reviews, ReviewDocuments documents, People people) {
        this.reviews = reviews;
        this.documents = documents;
        this.people = people;
    }

    @GetMapping("/reviews")
    @PreAuthorize(Access.MEMBER)
    String schedule(Model model) {
        Tenant tenant = CurrentTenant.require();
        Schedule schedule = reviews.scheduleFor(tenant);
        model.addAttribute("schedule", schedule);
        model.addAttribute("team", reviews.team(tenant.organisationId()));
        if (!model.containsAttribute("plan")) {
            ScheduleForm plan = new ScheduleForm();
            plan.setPlannedDate(schedule.nextDue().isBefore(reviews.today(tenant.organisationId()))
                    ? reviews.today(tenant.organisationId()).plusWeeks(2) : schedule.nextDue());
            plan.setTitle("Management review " + plan.getPlannedDate().getYear());
            model.addAttribute("plan", plan);
        }
        return "review/schedule";
    }

    @PostMapping("/reviews")
    @PreAuthorize(Access.CONFIGURE)
    String plan(@Valid @ModelAttribute("plan") ScheduleForm plan, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ReviewView planned = reviews.schedule(CurrentTenant.require(), plan);
                redirect.addFlashAttribute("success", planned.reference() + " is planned. Its input pack fills itself from the registers; write the inputs Ratchet has no data for.");
                return "redirect:/reviews/" + planned.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return schedule(model);
    }

    @GetMapping("/reviews/team")
    @PreAuthorize(Access.REPORT)
    String team(Model model) {
        Tenant tenant = CurrentTenant.require();
        TeamView team = reviews.team(tenant.organisationId());
        if (!model.containsAttribute("teamForm")) {
            TeamForm form = new TeamForm();
            form.setChairId(team.chairId());
            form.setDeputyIds(new ArrayList<>(team.deputyIds()));
            form.setMemberIds(new ArrayList<>(team.memberIds()));
            form.setQuorum(team.quorum());
            form.setOversight(team.oversight());
            form.setVersion(team.configured() ? team.version() : null);
            model.addAttribute("teamForm", form);
        }
        model.addAttribute("team", team);
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        return "review/team";
    }

    @PostMapping("/reviews/team")
    @PreAuthorize(Access.CONFIGURE)
    String saveTeam(@Valid @ModelAttribute("teamForm") TeamForm teamForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                reviews.saveTeam(CurrentTenant.require(), teamForm);
                redirect.addFlashAttribute("success", "The management review team is saved.");
                return "redirect:/reviews/team";
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return team(model);
    }

    @GetMapping("/reviews/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ReviewView review = reviews.read(tenant, id);
        model.addAttribute("r", review);
        model.addAttribute("p", review.pack());
        if (!model.containsAttribute("inputs")) {
            InputsForm inputs = new InputsForm();
            inputs.setExternalInternalIssues(review.externalInternalIssues());
            inputs.setInterestedParties(review.interestedParties());
            inputs.setRiskAssessment(review.riskAssessment());
            inputs.setVersion(review.version());
            model.addAttribute("inputs", inputs);
        }
        if (!model.containsAttribute("decision")) {
            dev.ratchet.review.DecisionForm decision = new dev.ratchet.review.DecisionForm();
            decision.getActions().add(new dev.ratchet.review.DecisionForm.ActionForm());
            model.addAttribute("decision", decision);
        }
        if (!model.containsAttribute("minutes")) {
            MinutesForm minutes = new MinutesForm();
            minutes.setPresent(new ArrayList<>(review.attendance().presentIds()));
            minutes.setApologies(new ArrayList<>(review.attendance().apologyIds()));
            minutes.setOtherAttendees(review.attendance().others());
            review.agenda().forEach(i -> minutes.getItems().add(new MinutesForm.ItemForm(i.id(), i.discussed(), i.notes())));
            minutes.setVersion(review.version());
            model.addAttribute("minutes", minutes);
        }
        java.util.Map<String, String> minuteErrors = new java.util.HashMap<>();
        if (model.getAttribute("org.springframework.validation.BindingResult.minutes") instanceof BindingResult errors) {
            errors.getFieldErrors().forEach(e -> minuteErrors.putIfAbsent(e.getField(), e.getDefaultMessage()));
            errors.getGlobalErrors().forEach(e -> minuteErrors.putIfAbsent("global", e.getDefaultMessage()));
        }
        model.addAttribute("minuteErrors", minuteErrors);
        if (!model.containsAttribute("agendaItem")) {
            model.addAttribute("agendaItem", new AgendaItemForm());
        }
        if (!model.containsAttribute("amendment")) {
            model.addAttribute("amendment", new AmendmentForm());
        }
        model.addAttribute("decisionTypes", dev.ratchet.review.DecisionType.values());
        model.addAttribute("letters", java.util.List.of("a", "b", "c", "d", "e", "f", "g"));
        TeamView team = reviews.team(tenant.organisationId());
        java.util.List<People.Person> everyone = new ArrayList<>(people.activeMembersOf(tenant.organisationId()));
        java.util.Set<java.util.UUID> onTeam = new java.util.HashSet<>(team.memberIds());
        onTeam.addAll(team.deputyIds());
        onTeam.add(team.chairId());
        everyone.sort(java.util.Comparator.comparing((People.Person p) -> !onTeam.contains(p.userId())).thenComparing(People.Person::displayName));
        model.addAttribute("people", everyone);
        model.addAttribute("assignable", people.assignableIn(tenant.organisationId()));
        model.addAttribute("onTeam", onTeam);
        model.addAttribute("team", team);
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        model.addAttribute("mayStart", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(team.chairId()));
        model.addAttribute("chair", tenant.userId().equals(team.chairId()));
        model.addAttribute("editMinutes", review.status() == dev.ratchet.review.ReviewStatus.IN_MEETING
                && (tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(team.chairId())));
        return "review/review";
    }

    @PostMapping("/reviews/{id}/inputs")
    @PreAuthorize(Access.CONFIGURE)
    String inputs(@PathVariable UUID id, @Valid @ModelAttribute("inputs") InputsForm inputs, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "inputs", inputs, result, redirect, "", "#inputs", () -> {
            reviews.writeInputs(CurrentTenant.require(), id, inputs);
            return "The inputs are saved.";
        });
    }

    @PostMapping("/reviews/{id}/decisions")
    @PreAuthorize(Access.REPORT)
    String decide(@PathVariable UUID id, @Valid @ModelAttribute("decision") dev.ratchet.review.DecisionForm decision,
            BindingResult result, RedirectAttributes redirect) {
        return submitted(id, "decision", decision, result, redirect, "#decisions", "#decide", () -> {
            reviews.decide(CurrentTenant.require(), id, decision);
            return "The decision is recorded" + (decision.getActions().isEmpty() ? "." : "; its action is in the owner's list.");
        });
    }

    /**
     * The chair's last look before approving: the draft minutes as the PDF that will be kept, what (if anything) is
     * still missing, and the button that locks them. Approval is never one click away from the review page.
     */
    @GetMapping("/reviews/{id}/approval")
    @PreAuthorize(Access.REPORT)
    String confirmApproval(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ReviewView review = reviews.read(tenant, id);
        if (!tenant.userId().equals(reviews.team(tenant.organisationId()).chairId())) {
            throw new org.springframework.security.access.AccessDeniedException("Only the chair of the management review team approves the minutes");
        }
        if (review.status() != dev.ratchet.review.ReviewStatus.IN_MEETING) {
            return "redirect:/reviews/" + id;
        }
        model.addAttribute("r", review);
        model.addAttribute("missing", reviews.approvalMissing(tenant, id));
        return "review/approve";
    }

    @PostMapping("/reviews/{id}/approval")
    @PreAuthorize(Access.REPORT)
    String approve(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return acted(id, redirect, () -> {
            reviews.approve(CurrentTenant.require(), id, version);
            return "The minutes are approved and locked.";
        });
    }

    @PostMapping("/reviews/{id}/start")
    @PreAuthorize(Access.REPORT)
    String start(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return acted(id, redirect, () -> {
            reviews.start(CurrentTenant.require(), id, version);
            return "The meeting has started. The pack is frozen: it stays as management saw it, whatever changes later.";
        });
    }

    @PostMapping("/reviews/{id}/minutes")
    @PreAuthorize(Access.REPORT)
    String minutes(@PathVariable UUID id, @Valid @ModelAttribute("minutes") MinutesForm minutes, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "minutes", minutes, result, redirect, "#attendance", "#attendance", () -> {
            reviews.writeMinutes(CurrentTenant.require(), id, minutes);
            return "The minutes are saved.";
        });
    }

    /** The minutes saved as the secretary types (ratchet.js, form[data-autosave]): nothing typed waits for a button. */
    @PostMapping(path = "/reviews/{id}/minutes", headers = Autosave.HEADER + "=true")
    @PreAuthorize(Access.REPORT)
    @ResponseBody
    ResponseEntity<java.util.Map<String, Object>> autosaveMinutes(@PathVariable UUID id, @Valid @ModelAttribute("minutes") MinutesForm minutes,
            BindingResult result) {
        return Autosave.answer(result, () -> reviews.writeMinutes(CurrentTenant.require(), id, minutes).version());
    }

    @PostMapping("/reviews/{id}/agenda")
    @PreAuthorize(Access.REPORT)
    String addAgendaItem(@PathVariable UUID id, @Valid @ModelAttribute("agendaItem") AgendaItemForm agendaItem, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "agendaItem", agendaItem, result, redirect, "#added-items", "#added-items", () -> {
            reviews.addAgendaItem(CurrentTenant.require(), id, agendaItem);
            return "\"" + agendaItem.getTitle().strip() + "\" is on the agenda.";
        });
    }

    @PostMapping("/reviews/{id}/amendments")
    @PreAuthorize(Access.REPORT)
    String amend(@PathVariable UUID id, @Valid @ModelAttribute("amendment") AmendmentForm amendment, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "amendment", amendment, result, redirect, "#amendments", "#amendments", () -> {
            reviews.amend(CurrentTenant.require(), id, amendment);
            return "The amendment is recorded with the approved minutes.";
        });
    }

    @PostMapping("/reviews/{id}/attachments")
    @PreAuthorize(Access.CONFIGURE)
    String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String input,
            @RequestParam(required = false) String description, RedirectAttributes redirect) throws IOException {
        try {
            var stored = reviews.attach(CurrentTenant.require(), id, input, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, null, description));
            redirect.addFlashAttribute("success", "\"" + stored.fileName() + "\" is attached to input " + stored.description() + ".");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/reviews/" + id + "#inputs";
    }

    private static String submitted(UUID id, String name, Object form, BindingResult result, RedirectAttributes redirect,
            String successAnchor, String formAnchor, Supplier<String> action) {
        return Forms.submitted("/reviews/" + id, name, form, result, redirect, successAnchor, formAnchor, action);
    }

    private static String acted(UUID id, RedirectAttributes redirect, Supplier<String> action) {
        return Forms.acted("/reviews/" + id, redirect, action);
    }

    @GetMapping("/reviews/{id}/pack.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> packPdf(@PathVariable UUID id) {
        return documents.pdf(CurrentTenant.require(), id, false);
    }

    /**
     * The minutes as PDF; {@code preview}: shown inside Ratchet's own approval page (inline; the security headers let
     * Ratchet, and only Ratchet, frame it: SecurityConfiguration.PREVIEW).
     */
    @GetMapping("/reviews/{id}/minutes.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> minutesPdf(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean preview) {
        ResponseEntity<byte[]> pdf = documents.pdf(CurrentTenant.require(), id, true);
        if (!preview) {
            return pdf;
        }
        return ResponseEntity.ok().headers(headers -> {
            headers.addAll(pdf.getHeaders());
            headers.set(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                    .filename(pdf.getHeaders().getContentDisposition().getFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        }).body(pdf.getBody());
    }

    @GetMapping("/reviews/{id}/minutes.docx")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> minutesDocx(@PathVariable UUID id) {
        return documents.docx(CurrentTenant.require(), id);
    }
}
