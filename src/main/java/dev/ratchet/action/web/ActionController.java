package dev.ratchet.action.web;

import java.util.List;
import java.util.UUID;

import java.time.LocalDate;

import dev.ratchet.action.ActionFilter;
import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionStatus;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.action.ActionView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My actions": what the signed-in person owes, and finishing it. */
@Controller
class ActionController {

    private final ActionManagement actions;
    private final People people;
    private final OrganisationManagement organisations;

    ActionController(ActionManagement actions, People people, OrganisationManagement organisations,
            java.util.List<dev.ratchet.shared.WaitingSource> waiting) {
        this.waiting = waiting;
        this.actions = actions;
        this.people = people;
        this.organisations = organisations;
    }

    private final java.util.List<dev.ratchet.shared.WaitingSource> waiting;

    @GetMapping("/actions/mine")
    @PreAuthorize(Access.MEMBER)
    String mine(@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "0") int page, Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("actions", actions.search(tenant.organisationId(), tenant.userId(), null, open,
                PageRequest.of(Math.max(page, 0), 25, Sort.by("dueDate", "title"))));
        model.addAttribute("open", open);
        model.addAttribute("today", actions.today(CurrentTenant.require().organisationId()));
        // Someone whose start page this is (they only own actions) sees here what else waits for them: an approval.
        model.addAttribute("alsoWaiting", dev.ratchet.shared.WaitingSource.all(waiting, tenant, actions.today(tenant.organisationId()))
                .stream().filter(w -> !w.link().startsWith("/actions/")).toList());
        return "action/mine";
    }

    @GetMapping("/actions")
    @PreAuthorize(Access.MEMBER)
    String all(@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) ActionStatus status,
            @RequestParam(required = false) String due, @RequestParam(required = false) String originType,
            @RequestParam(required = false) UUID areaId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "due") String sort, @RequestParam(defaultValue = "asc") String direction, Model model) {
        Tenant tenant = CurrentTenant.require();
        Sort.Direction way = "desc".equals(direction) ? Sort.Direction.DESC : Sort.Direction.ASC;
        // Sorted in the database, with the due date and title breaking ties so that pages do not overlap.
        Sort order = switch (sort) {
            case "status" -> Sort.by(way, "status").and(Sort.by("dueDate", "title"));
            case "origin" -> Sort.by(way, "originReference").and(Sort.by("dueDate", "title"));
            case "title" -> Sort.by(way, "title").and(Sort.by("dueDate"));
            default -> Sort.by(way, "dueDate").and(Sort.by("title"));
        };
        model.addAttribute("sort", List.of("status", "origin", "title").contains(sort) ? sort : "due");
        model.addAttribute("direction", way == Sort.Direction.DESC ? "desc" : "asc");
        LocalDate today = actions.today(CurrentTenant.require().organisationId());
        ActionFilter filter = new ActionFilter(ownerId, status, status == null, "overdue".equals(due) ? Boolean.TRUE : null,
                null, "week".equals(due) ? today.plusDays(7) : "month".equals(due) ? today.plusDays(30) : null,
                originType, areaId);
        model.addAttribute("actions", actions.search(tenant.organisationId(), filter,
                PageRequest.of(Math.max(page, 0), 25, order)));
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("status", status);
        model.addAttribute("due", due);
        model.addAttribute("originType", originType);
        model.addAttribute("areaId", areaId);
        model.addAttribute("areas", organisations.allAreas(tenant.organisationId()));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        model.addAttribute("today", today);
        return "action/list";
    }

    @PostMapping("/actions/{id}/reschedule")
    @PreAuthorize(Access.REPORT)
    String reschedule(@PathVariable UUID id,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate dueDate,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String back, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        return change(id, back, htmx, model, redirect, (tenant, manager) -> actions.reschedule(tenant.organisationId(), id,
                tenant.userId(), manager, dueDate, reason, version), a -> "\"" + a.title() + "\" is now due " + a.dueDate() + ".");
    }

    @PostMapping("/actions/{id}/progress")
    @PreAuthorize(Access.REPORT)
    String progress(@PathVariable UUID id, @RequestParam(required = false) String progress,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return change(id, back, htmx, model, redirect, (tenant, manager) -> actions.note(tenant.organisationId(), id,
                tenant.userId(), manager, progress, version), a -> "Progress on \"" + a.title() + "\" saved.");
    }

    @PostMapping("/actions/{id}/complete")
    @PreAuthorize(Access.REPORT)
    String complete(@PathVariable UUID id, @RequestParam(required = false) String evidence,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return change(id, back, htmx, model, redirect, (tenant, manager) -> actions.complete(tenant.organisationId(), id,
                tenant.userId(), manager, evidence, version), a -> "\"" + a.title() + "\" is done.");
    }

    /** A file as evidence on the action, from the owner's list or the record's page; back to where it was sent from. */
    @PostMapping("/actions/{id}/evidence")
    @PreAuthorize(Access.REPORT)
    String attach(@PathVariable UUID id, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
            @RequestParam(required = false) String description, @RequestParam(required = false) String back,
            RedirectAttributes redirect) throws java.io.IOException {
        Tenant tenant = CurrentTenant.require();
        try {
            var stored = actions.attach(tenant.organisationId(), id, tenant.userId(), manager(tenant),
                    dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
            redirect.addFlashAttribute("success", "\"" + stored.fileName() + "\" is attached to the action (SHA-256 "
                    + stored.sha256().substring(0, 12) + "…).");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + safeBack(back) + "#action-" + id;
    }

    @PostMapping("/actions/{id}/cancel")
    @PreAuthorize(Access.REPORT)
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return change(id, back, htmx, model, redirect, (tenant, manager) -> actions.cancel(tenant.organisationId(), id,
                tenant.userId(), manager, reason, version), a -> "\"" + a.title() + "\" is cancelled.");
    }

    /**
     * One way for every change from a list: in place for htmx (the action's own row comes back, with a message
     * when refused), otherwise a redirect back to the list with the message.
     */
    private String change(UUID id, String back, String htmx, Model model, RedirectAttributes redirect,
            java.util.function.BiFunction<Tenant, Boolean, ActionView> change,
            java.util.function.Function<ActionView, String> done) {
        Tenant tenant = CurrentTenant.require();
        ActionView result;
        String message;
        String error = null;
        try {
            result = change.apply(tenant, manager(tenant));
            message = done.apply(result);
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            result = actions.get(tenant.organisationId(), id);
            message = null;
            error = refused.getMessage();
        }
        if (htmx != null) {
            model.addAttribute("a", result);
            model.addAttribute("back", safeBack(back));
            model.addAttribute("today", actions.today(CurrentTenant.require().organisationId()));
            model.addAttribute("itemMessage", message);
            model.addAttribute("itemError", error);
            return "action/item :: row";
        }
        redirect.addFlashAttribute(error == null ? "success" : "error", error == null ? message : error);
        return "redirect:" + safeBack(back);
    }

    /** Only a path of this application, never another site. */
    static String safeBack(String back) {
        return back != null && back.matches("/[a-z][a-z0-9/-]*") ? back : "/actions/mine";
    }

    static boolean manager(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
    }
}
