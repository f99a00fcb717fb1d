package dev.ratchet.objective.web;

import java.util.UUID;

import dev.ratchet.improvement.RaiseChoices;
import dev.ratchet.improvement.RaiseEndpoints;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Raising an improvement from a record of the register (see {@link RaiseEndpoints}). */
@Controller
@RequestMapping("/objectives")
class ObjectiveRaiseController extends RaiseEndpoints {

    private final ObjectiveManagement objectives;

    ObjectiveRaiseController(RaiseChoices choices, ObjectiveManagement objectives) {
        super(choices);
        this.objectives = objectives;
    }

    @Override
    protected From from(Tenant tenant, UUID id) {
        var o = objectives.get(tenant.organisationId(), id);
        return new From(o.reference(), o.title(), "Objectives", "/objectives", "objective");
    }

    @Override
    protected RaiseForm propose(Tenant tenant, UUID id) {
        return objectives.proposeRaise(tenant.organisationId(), id);
    }

    @Override
    protected String raise(Tenant tenant, UUID id, RaiseForm form) {
        return objectives.raise(tenant, id, form).reference();
    }
}
