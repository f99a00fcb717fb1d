package dev.ratchet.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.identity.domain.Membership;
import dev.ratchet.identity.domain.MembershipRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.shared.People;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people of an organisation, for modules that name an owner without knowing about accounts. */
@Component
@Transactional(readOnly = true)
class PeopleDirectory implements People {

    private final UserRepository users;
    private final MembershipRepository memberships;

    PeopleDirectory(UserRepository users, MembershipRepository memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    @Override
    public List<Person> activeMembersOf(UUID organisationId) {
        return dev.ratchet.shared.RequestMemo.get("activeMembers", organisationId, () -> memberships.activePeople(organisationId).stream()
                .map(row -> new Person((UUID) row[0], (String) row[1], (String) row[2]))
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList());
    }

    @Override
    public Optional<Person> memberOf(UUID organisationId, UUID userId) {
        return memberships.findByOrganisationIdAndUserId(organisationId, userId).filter(Membership::isActive)
                .flatMap(m -> users.findById(userId)).filter(User::isEnabled).map(PeopleDirectory::person);
    }

    @Override
    public List<Person> assignableIn(UUID organisationId) {
        return dev.ratchet.shared.RequestMemo.get("assignable", organisationId, () -> {
            java.util.Set<UUID> ids = memberships.findByOrganisationIdAndActiveTrue(organisationId).stream()
                    .filter(PeopleDirectory::mayBeGivenWork).map(Membership::getUserId)
                    .collect(java.util.stream.Collectors.toSet());
            return activeMembersOf(organisationId).stream().filter(p -> ids.contains(p.userId())).toList();
        });
    }

    @Override
    public Optional<String> cannotBeGivenWork(UUID organisationId, UUID userId, String notMember) {
        Optional<Membership> membership = userId == null ? Optional.empty()
                : memberships.findByOrganisationIdAndUserId(organisationId, userId).filter(Membership::isActive);
        Optional<Person> person = membership.isEmpty() ? Optional.empty() : memberOf(organisationId, userId);
        if (person.isEmpty()) {
            return Optional.of(notMember);
        }
        if (!mayBeGivenWork(membership.get())) {
            return Optional.of(person.get().displayName() + " is a guest auditor here, who reads the evidence and changes nothing: "
                    + "choose someone with another role");
        }
        return Optional.empty();
    }

    private static boolean mayBeGivenWork(Membership membership) {
        return membership.getRoles().stream().anyMatch(role -> role != Role.GUEST_AUDITOR);
    }

    @Override
    public Optional<Person> lineManagerOf(UUID organisationId, UUID userId) {
        return memberships.findByOrganisationIdAndUserId(organisationId, userId)
                .map(Membership::getLineManagerId).flatMap(manager -> memberOf(organisationId, manager));
    }

    @Override
    public List<Person> withRole(UUID organisationId, String role) {
        List<UUID> ids = memberships.findByOrganisationIdAndActiveTrue(organisationId).stream()
                .filter(m -> m.getRoles().stream().anyMatch(r -> r.name().equals(role)))
                .map(Membership::getUserId).toList();
        return activeMembersOf(organisationId).stream().filter(p -> ids.contains(p.userId())).toList();
    }

    private static Person person(User u) {
        return new Person(u.getId(), u.getDisplayName(), u.getEmail());
    }
}
