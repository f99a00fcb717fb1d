package dev.ratchet.organisation;

import java.time.Instant;
import java.util.UUID;

/** An organisation as other modules and the API see it. */
public record OrganisationDetails(UUID id, String name, String scopeStatement, Sector sector, String timeZone,
        int reviewCadenceMonths, int effectivenessWaitDays, int reminderLeadDays, int escalationAfterDays,
        int trendThreshold, int trendWindowMonths, boolean requireTwoFactor,
        boolean allowIndependenceOverride, Instant createdAt, long version) {
}
