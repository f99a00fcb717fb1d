package dev.ratchet.organisation;

import java.util.UUID;

public record AreaView(UUID id, String name, String description, UUID ownerId, String ownerName, long version) {
}
