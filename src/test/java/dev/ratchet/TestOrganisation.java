package dev.ratchet;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.MemberView;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.shared.Tenant;

/**
 * An organisation with one person in each role, an API token for each, and an area: made fresh for a test, with
 * names no other test uses, so tests can share a database (PostgreSQL keeps data between runs).
 */
public record TestOrganisation(UUID id, String name, Map<Role, UUID> userIds, Map<Role, UUID> membershipIds,
        Map<Role, String> tokens, UUID areaId, IdentityManagement identity) {

    public static final String PASSWORD = "violet-Harbour-tractor-91-lantern";

    public static TestOrganisation create(IdentityManagement identity, OrganisationManagement organisations,
            String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName(label + " " + suffix);
        OrganisationDetails organisation = organisations.create(settings);
        Map<Role, UUID> users = new EnumMap<>(Role.class);
        Map<Role, UUID> memberships = new EnumMap<>(Role.class);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            MemberForm form = new MemberForm();
            form.setEmail(role.name().toLowerCase().replace('_', '.') + "." + suffix + "@example.com");
            form.setDisplayName(role.label() + " " + suffix);
            form.setRoles(Set.of(role));
            if (role == Role.GUEST_AUDITOR) {
                form.setAccessUntil(LocalDate.now().plusDays(30));
            }
            MemberView member = identity.addMember(organisation.id(), form, PASSWORD);
            users.put(role, member.userId());
            memberships.put(role, member.id());
            tokens.put(role, identity.createToken(member.userId(), "test", 30));
        }
        AreaForm area = new AreaForm();
        area.setName("IT operations");
        area.setOwnerId(users.get(Role.ISMS_MANAGER));
        UUID areaId = organisations.createArea(organisation.id(), area).id();
        return new TestOrganisation(organisation.id(), organisation.name(), users, memberships, tokens, areaId,
                identity);
    }

    /** The signed-in person for MockMvc's {@code user(...)}: a fresh sign-in, so the session counts as valid. */
    public RatchetPrincipal principal(Role role) {
        return identity.refreshedPrincipal(userIds.get(role));
    }

    /** Who the person of that role is in this organisation, as services take it. */
    public Tenant tenant(Role role) {
        return identity.tenant(userIds.get(role), id).orElseThrow();
    }

    public String email(Role role) {
        return principal(role).email();
    }

    public String bearer(Role role) {
        return "Bearer " + tokens.get(role);
    }
}
