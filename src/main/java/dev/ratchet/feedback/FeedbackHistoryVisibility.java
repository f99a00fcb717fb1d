package dev.ratchet.feedback;

import java.util.Set;

import dev.ratchet.feedback.domain.FeedbackRepository;
import dev.ratchet.history.HistoryVisibility;
import dev.ratchet.shared.Ids;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/**
 * Feedback's history is read as the feedback is: someone who only contributes reads their own. The history names who
 * entered it, so anonymous feedback's history is the ISMS manager's alone, who may know the reporter.
 */
@Component
class FeedbackHistoryVisibility implements HistoryVisibility {

    private final FeedbackRepository feedback;

    FeedbackHistoryVisibility(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("Feedback");
    }

    @Override
    public boolean mayRead(Tenant tenant, String recordType, String recordId) {
        boolean manager = tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
        return Ids.parse(recordId).flatMap(id -> feedback.findByIdAndOrganisationId(id, tenant.organisationId()))
                .map(f -> manager || f.getSubmittedBy().equals(tenant.userId()) || !f.isAnonymous() && FeedbackManagement.seesAll(tenant))
                .orElse(false);
    }
}
