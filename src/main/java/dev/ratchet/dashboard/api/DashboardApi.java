package dev.ratchet.dashboard.api;

import java.util.UUID;

import dev.ratchet.dashboard.Dashboard;
import dev.ratchet.dashboard.DashboardView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures, for a report or a wall screen of one's own. */
@RestController
@Tag(name = "Dashboard", description = "The figures of the start page")
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/organisations/{organisationId}/dashboard")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Open nonconformities by source, grade and age, actions, time to close, effectiveness, objectives, "
            + "the audit programme, the next review and policy exceptions; each chart with the page link behind each bar")
    DashboardView getDashboard(@PathVariable UUID organisationId) {
        return dashboard.of(CurrentTenant.require().organisationId());
    }
}
