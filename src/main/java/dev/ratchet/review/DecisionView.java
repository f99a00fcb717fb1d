package dev.ratchet.review;

import java.util.List;
import java.util.UUID;

import dev.ratchet.action.ActionView;

/** A decision with its actions as they stand now, and the change-log entry a decision to change the ISMS made. */
public record DecisionView(UUID id, int number, DecisionType type, String decision, String rationale, List<String> inputs,
        List<ActionView> actions, UUID changeId, String changeReference) {
}
