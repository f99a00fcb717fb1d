package dev.ratchet.review;

import java.util.List;
import java.util.UUID;

/** The management review team with names. */
public record TeamView(UUID chairId, String chairName, List<UUID> deputyIds, List<String> deputyNames, List<UUID> memberIds,
        List<String> memberNames, int quorum, String oversight, boolean configured, long version) {
}
