package dev.ratchet.shared;

import java.util.Optional;
import java.util.UUID;

/** Record ids as they arrive in text (a history request's parameter): a UUID, or nothing when it is not one. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
