package dev.ratchet.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Policy compliance over a period, as the management review reads it (clause 9.3.2 d): compliance checks passed and
 * failed, open non-compliance and the exceptions past their expiry. Implemented by the policy module, so the review
 * reads it without depending on it.
 */
public interface PolicyCompliance {

    Summary between(UUID organisationId, LocalDate from, LocalDate to, LocalDate today);

    record Summary(long checksPassed, long checksFailed, List<String> failedChecks, List<ExpiredException> expiredExceptions,
            long openNoncompliance) {
    }

    record ExpiredException(String reference, String policy, String scope, LocalDate expiryDate) {
    }
}
