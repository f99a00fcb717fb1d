package dev.ratchet.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The people of an organisation, for modules that refer to a person (an owner) without owning identities. */
public interface People {

    List<Person> activeMembersOf(UUID organisationId);

    Optional<Person> memberOf(UUID organisationId, UUID userId);

    /** The active members' names by user id, for views that name owners, reviewers and uploaders. */
    default Map<UUID, String> displayNames(UUID organisationId) {
        Map<UUID, String> names = new HashMap<>();
        activeMembersOf(organisationId).forEach(p -> names.put(p.userId(), p.displayName()));
        return names;
    }

    /** The person's line manager in that organisation, if they have one who is still a member. */
    Optional<Person> lineManagerOf(UUID organisationId, UUID userId);

    /** The active members holding a role (by its name, e.g. ISMS_MANAGER). */
    List<Person> withRole(UUID organisationId, String role);

    record Person(UUID userId, String displayName, String email) {
    }
}
