package dev.ratchet.incident.web;

import java.util.UUID;

import dev.ratchet.improvement.RaiseChoices;
import dev.ratchet.improvement.RaiseEndpoints;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Raising an improvement from a record of the register (see {@link RaiseEndpoints}). */
@Controller
@RequestMapping("/incidents")
class IncidentRaiseController extends RaiseEndpoints {

    private final IncidentManagement incidents;

    IncidentRaiseController(RaiseChoices choices, IncidentManagement incidents) {
        super(choices);
        this.incidents = incidents;
    }

    @Override
    protected From from(Tenant tenant, UUID id) {
        var i = incidents.get(tenant.organisationId(), id);
        return new From(i.reference(), i.title(), "Incidents", "/incidents", "incident");
    }

    @Override
    protected RaiseForm propose(Tenant tenant, UUID id) {
        return incidents.proposeRaise(tenant.organisationId(), id);
    }

    @Override
    protected String raise(Tenant tenant, UUID id, RaiseForm form) {
        return incidents.raise(tenant, id, form).reference();
    }
}
