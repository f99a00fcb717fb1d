package dev.ratchet.shared;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The people of an organisation, for modules that refer to a person (an owner) without owning identities. */
public interface People {

    List<Person> activeMembersOf(UUID organisationId);

    Optional<Person> memberOf(UUID organisationId, UUID userId);

    record Person(UUID userId, String displayName, String email) {
    }
}
