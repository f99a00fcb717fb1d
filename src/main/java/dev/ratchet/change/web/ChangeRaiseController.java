package dev.ratchet.change.web;

import java.util.UUID;

import dev.ratchet.improvement.RaiseChoices;
import dev.ratchet.improvement.RaiseEndpoints;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.change.ChangeManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Raising an improvement from a record of the register (see {@link RaiseEndpoints}). */
@Controller
@RequestMapping("/changes")
class ChangeRaiseController extends RaiseEndpoints {

    private final ChangeManagement changes;

    ChangeRaiseController(RaiseChoices choices, ChangeManagement changes) {
        super(choices);
        this.changes = changes;
    }

    @Override
    protected From from(Tenant tenant, UUID id) {
        var c = changes.get(tenant.organisationId(), id);
        return new From(c.reference(), c.title(), "ISMS change log", "/changes", "change");
    }

    @Override
    protected RaiseForm propose(Tenant tenant, UUID id) {
        return changes.proposeRaise(tenant.organisationId(), id);
    }

    @Override
    protected String raise(Tenant tenant, UUID id, RaiseForm form) {
        return changes.raise(tenant, id, form).reference();
    }
}
