package dev.ratchet.risk;

import java.util.Set;

import dev.ratchet.history.HistoryVisibility;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/**
 * The risk register's history is read as the register is: by every member but a guest auditor, who receives the
 * treatment plan and the approved Statement of Applicability as documents instead.
 */
@Component
class RiskHistoryVisibility implements HistoryVisibility {

    @Override
    public Set<String> recordTypes() {
        return Set.of("Risk", "RiskAssessment", "RiskAcceptance", "RiskTreatment", "RiskConcern", "RiskCriteria", "PlanApproval");
    }

    @Override
    public boolean mayRead(Tenant tenant, String recordType, String recordId) {
        return !tenant.onlyGuest();
    }
}
