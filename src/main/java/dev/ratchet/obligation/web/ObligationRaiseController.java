package dev.ratchet.obligation.web;

import java.util.UUID;

import dev.ratchet.improvement.RaiseChoices;
import dev.ratchet.improvement.RaiseEndpoints;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Raising an improvement from a record of the register (see {@link RaiseEndpoints}). */
@Controller
@RequestMapping("/obligations")
class ObligationRaiseController extends RaiseEndpoints {

    private final ObligationManagement obligations;

    ObligationRaiseController(RaiseChoices choices, ObligationManagement obligations) {
        super(choices);
        this.obligations = obligations;
    }

    @Override
    protected From from(Tenant tenant, UUID id) {
        var o = obligations.get(tenant.organisationId(), id);
        return new From(o.reference(), o.name(), "Obligations", "/obligations", "obligation");
    }

    @Override
    protected RaiseForm propose(Tenant tenant, UUID id) {
        return obligations.proposeRaise(tenant.organisationId(), id);
    }

    @Override
    protected String raise(Tenant tenant, UUID id, RaiseForm form) {
        return obligations.raise(tenant, id, form).reference();
    }
}
