package dev.ratchet.action.web;

import dev.ratchet.action.Notifications;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Reminders and escalations inside Ratchet, for people whose organisation sends no mail (and everyone else). */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PreAuthorize(Access.MEMBER)
    String list(Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("notifications", notifications.of(tenant.organisationId(), tenant.userId()));
        return "action/notifications";
    }

    @PostMapping("/notifications/read")
    @PreAuthorize(Access.MEMBER)
    String markAllRead() {
        Tenant tenant = CurrentTenant.require();
        notifications.markAllRead(tenant.organisationId(), tenant.userId());
        return "redirect:/notifications";
    }
}
