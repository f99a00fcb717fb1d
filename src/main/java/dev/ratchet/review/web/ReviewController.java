package dev.ratchet.review.web;

import java.util.ArrayList;
import java.util.UUID;

import dev.ratchet.review.InputsForm;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewView;
import dev.ratchet.review.Schedule;
import dev.ratchet.review.ScheduleForm;
import dev.ratchet.review.TeamForm;
import dev.ratchet.review.TeamView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

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
class ReviewController {

    private final ReviewManagement reviews;
    private final People people;

    ReviewController(ReviewManagement reviews, People people) {
        this.reviews = reviews;
        this.people = people;
    }

    @GetMapping("/reviews")
    @PreAuthorize(Access.REPORT)
    String schedule(Model model) {
        Tenant tenant = CurrentTenant.require();
        Schedule schedule = reviews.schedule(tenant.organisationId());
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
        model.addAttribute("people", people.activeMembersOf(tenant.organisationId()));
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
        model.addAttribute("decisionTypes", dev.ratchet.review.DecisionType.values());
        model.addAttribute("letters", java.util.List.of("a", "b", "c", "d", "e", "f", "g"));
        model.addAttribute("people", people.activeMembersOf(tenant.organisationId()));
        TeamView team = reviews.team(tenant.organisationId());
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        model.addAttribute("mayStart", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(team.chairId()));
        model.addAttribute("chair", tenant.userId().equals(team.chairId()));
        return "review/review";
    }

    @PostMapping("/reviews/{id}/inputs")
    @PreAuthorize(Access.CONFIGURE)
    String inputs(@PathVariable UUID id, @Valid @ModelAttribute("inputs") InputsForm inputs, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                reviews.writeInputs(CurrentTenant.require(), id, inputs);
                redirect.addFlashAttribute("success", "The inputs are saved.");
                return "redirect:/reviews/" + id;
            }
            catch (Refused refused) {
                if (refused.kind() == Refused.Kind.NOT_FOUND) {
                    throw refused;
                }
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.inputs", result);
        redirect.addFlashAttribute("inputs", inputs);
        return "redirect:/reviews/" + id + "#inputs";
    }

    @PostMapping("/reviews/{id}/decisions")
    @PreAuthorize(Access.REPORT)
    String decide(@PathVariable UUID id, @Valid @ModelAttribute("decision") dev.ratchet.review.DecisionForm decision,
            BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                reviews.decide(CurrentTenant.require(), id, decision);
                redirect.addFlashAttribute("success", "The decision is recorded" + (decision.getActions().isEmpty() ? "." : "; its action is in the owner's list."));
                return "redirect:/reviews/" + id + "#decisions";
            }
            catch (Refused refused) {
                if (refused.kind() == Refused.Kind.NOT_FOUND) {
                    throw refused;
                }
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.decision", result);
        redirect.addFlashAttribute("decision", decision);
        return "redirect:/reviews/" + id + "#decide";
    }

    @PostMapping("/reviews/{id}/approval")
    @PreAuthorize(Access.REPORT)
    String approve(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            reviews.approve(CurrentTenant.require(), id, version);
            redirect.addFlashAttribute("success", "The minutes are approved and locked.");
        }
        catch (Refused refused) {
            if (refused.kind() == Refused.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/reviews/" + id;
    }

    @PostMapping("/reviews/{id}/start")
    @PreAuthorize(Access.REPORT)
    String start(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            reviews.start(CurrentTenant.require(), id, version);
            redirect.addFlashAttribute("success", "The meeting has started. The pack is frozen: it stays as management saw it, whatever changes later.");
        }
        catch (Refused refused) {
            if (refused.kind() == Refused.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/reviews/" + id;
    }
}
