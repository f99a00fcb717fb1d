package dev.ratchet.feedback.web;

import java.util.UUID;

import dev.ratchet.improvement.RaiseChoices;
import dev.ratchet.improvement.RaiseEndpoints;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Raising an improvement from a record of the register (see {@link RaiseEndpoints}). */
@Controller
@RequestMapping("/feedback")
class FeedbackRaiseController extends RaiseEndpoints {

    private final FeedbackManagement feedback;

    FeedbackRaiseController(RaiseChoices choices, FeedbackManagement feedback) {
        super(choices);
        this.feedback = feedback;
    }

    /** Only the ISMS manager triages feedback. */
    @Override
    protected void checkMayRaise(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new org.springframework.security.access.AccessDeniedException("The ISMS manager triages feedback");
        }
    }

    @Override
    protected From from(Tenant tenant, UUID id) {
        var f = feedback.get(tenant, id);
        return new From(f.reference(), f.subject(), "Feedback", "/feedback", "feedback");
    }

    @Override
    protected RaiseForm propose(Tenant tenant, UUID id) {
        return feedback.proposeRaise(tenant, id);
    }

    @Override
    protected String raise(Tenant tenant, UUID id, RaiseForm form) {
        return feedback.raise(tenant, id, form).improvement().reference();
    }
}
