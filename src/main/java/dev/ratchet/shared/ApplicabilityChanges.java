package dev.ratchet.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * What changed in the Statement of Applicability since a moment, for the management review's input (f). The SoA
 * module answers; the review asks through this interface because the SoA itself reads the policies, whose module
 * reads the review's team.
 */
public interface ApplicabilityChanges {

    Summary since(UUID organisationId, Instant since);

    record Summary(long versionsApproved, Integer versionInForce, long decisionsChanged, long applicable, long excluded,
            long withProblems) {
    }
}
