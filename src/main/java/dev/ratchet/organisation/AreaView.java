package dev.ratchet.organisation;

import java.util.List;
import java.util.UUID;

public record AreaView(UUID id, String name, String description, UUID ownerId, String ownerName, AreaRisk risk,
        List<UUID> memberIds, List<String> memberNames, long version) {
}
