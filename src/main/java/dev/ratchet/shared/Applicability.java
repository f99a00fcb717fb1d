package dev.ratchet.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * What the Statement of Applicability says, for modules it cannot be a dependency of: what changed since a moment (the
 * management review's input f) and the controls excluded with their justification (the audit coverage, which counts
 * applicable controls only). The SoA module answers; the others ask through this interface because the SoA reads the
 * policies, whose module reads the review's team, which reads the audits.
 */
public interface Applicability {

    Summary since(UUID organisationId, Instant since);

    /** The controls the SoA excludes (framework:code), each with its justification. */
    java.util.Map<String, String> exclusions(UUID organisationId);

    record Summary(long versionsApproved, Integer versionInForce, long decisionsChanged, long applicable, long excluded,
            long withProblems) {
    }
}
