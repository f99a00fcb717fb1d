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

    /**
     * The active members who may be given work: an owner, approver, chair, assignee, audit team member, someone asked
     * to acknowledge. Everyone but a guest auditor, who reads the evidence and changes nothing. The lists to choose
     * such a person from offer these.
     */
    List<Person> assignableIn(UUID organisationId);

    /**
     * Why this person cannot be given work here, or empty if they can: {@code notMember} when they are not an active
     * member, and a sentence naming them when they are a guest auditor. The services check every owner, chair and
     * assignee with it, whatever list the request came from.
     */
    Optional<String> cannotBeGivenWork(UUID organisationId, UUID userId, String notMember);

    /** Refuses, on the field named, a person who cannot be given work here (see {@link #cannotBeGivenWork}). */
    default void requireAssignable(UUID organisationId, UUID userId, String field, String notMember) {
        cannotBeGivenWork(organisationId, userId, notMember).ifPresent(why -> {
            throw Refused.field(field, why);
        });
    }

    /** The person's line manager in that organisation, if they have one who is still a member. */
    Optional<Person> lineManagerOf(UUID organisationId, UUID userId);

    /** The active members holding a role (by its name, e.g. ISMS_MANAGER). */
    List<Person> withRole(UUID organisationId, String role);

    record Person(UUID userId, String displayName, String email) {
    }
}
