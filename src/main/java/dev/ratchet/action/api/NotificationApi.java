package dev.ratchet.action.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.action.Notifications;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The token owner's reminders and escalations in one organisation, as on the notifications page. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/notifications")
@Tag(name = "Notifications", description = "Your reminders and escalations inside Ratchet")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Your notifications in this organisation, newest first, read or not")
    List<Notifications.Notification> listNotifications(@PathVariable UUID organisationId) {
        Tenant tenant = CurrentTenant.require();
        return notifications.of(tenant.organisationId(), tenant.userId());
    }

    @PostMapping("/read")
    @PreAuthorize(Access.MEMBER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark all your notifications in this organisation read")
    void markNotificationsRead(@PathVariable UUID organisationId) {
        Tenant tenant = CurrentTenant.require();
        notifications.markAllRead(tenant.organisationId(), tenant.userId());
    }
}
