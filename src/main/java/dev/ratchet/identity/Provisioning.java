package dev.ratchet.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.identity.domain.Membership;
import dev.ratchet.identity.domain.MembershipRepository;
import dev.ratchet.identity.domain.ScimGroup;
import dev.ratchet.identity.domain.ScimGroupRepository;
import dev.ratchet.identity.domain.ScimToken;
import dev.ratchet.identity.domain.ScimTokenRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.shared.Actor;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM 2.0 provisioning of one organisation's people by its identity provider (RFC 7643/7644, the subset Microsoft
 * Entra ID and Okta send). A SCIM user is a membership (its id is the membership's); a SCIM group carries the Ratchet
 * roles an administrator gives it, and a provisioned member holds the roles of their groups (or the organisation's
 * default role when none grants one). Deprovisioning (active=false or DELETE) ends the membership at once and deletes
 * nothing: the person's records and history stay, their open work is listed for reassignment ({@link MembershipEnded}).
 */
@Service
@Transactional
public class Provisioning {

    public static final String TOKEN_PREFIX = "scim_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScimTokenRepository tokens;
    private final ScimGroupRepository groups;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final IdentityManagement identity;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Provisioning(ScimTokenRepository tokens, ScimGroupRepository groups, MembershipRepository memberships, UserRepository users,
            IdentityManagement identity, PasswordEncoder passwordEncoder, JdbcTemplate jdbc, Clock clock) {
        this.tokens = tokens;
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
        this.identity = identity;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The password hash of an account the provider made: of a random secret nobody knows, so the person signs in through
     * single sign-on or chooses a password with "Forgot your password?".
     */
    static String unusablePassword(PasswordEncoder encoder) {
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        return encoder.encode(Base64.getEncoder().encodeToString(unusable));
    }

    /** The identity provider acting through a SCIM token: one organisation, named in the history by the token. */
    public record Client(UUID organisationId, UUID tokenId, String tokenName) implements Actor, java.io.Serializable {
        @Override
        public UUID userId() {
            return null;
        }

        @Override
        public String displayName() {
            return "Provisioning (" + tokenName + ")";
        }
    }

    public record GroupRef(UUID id, String display) {
    }

    public record Person(UUID id, String userName, String externalId, String displayName, String givenName, String familyName,
            String email, boolean active, Instant created, long version, List<GroupRef> groups) {
    }

    public record Team(UUID id, String displayName, String externalId, List<GroupRef> members, Set<Role> roles, Instant created,
            Instant updated, long version) {
    }

    public record Listed<T>(long total, List<T> items) {
    }

    /** What the provider says of a person; null fields are left as they are (PATCH) or as the defaults (create). */
    public record PersonInput(String userName, String externalId, String displayName, String givenName, String familyName,
            String email, Boolean active) {
    }

    // --- tokens --------------------------------------------------------------------------------------------------------

    @Transactional
    public Optional<Client> authenticate(String raw) {
        if (raw == null || !raw.startsWith(TOKEN_PREFIX) || raw.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(Sha256.hex(raw)).filter(ScimToken::isActive).map(t -> {
            tokens.touch(t.getId(), now, now.minus(5, ChronoUnit.MINUTES));
            return new Client(t.getOrganisationId(), t.getId(), t.getName());
        });
    }

    public record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public record NewToken(String token, TokenView details) {
    }

    public NewToken createToken(Tenant admin, String name) {
        if (name == null || name.isBlank()) {
            throw Refused.field("name", "Name the token after the provider that uses it, like \"Entra ID\"");
        }
        if (name.strip().length() > 80) {
            throw Refused.field("name", "A token name can have at most 80 characters");
        }
        String raw = TOKEN_PREFIX + Invitations.newToken();
        ScimToken token = tokens.save(new ScimToken(admin.organisationId(), name, Sha256.hex(raw), raw.substring(0, 10),
                admin.userId(), clock.instant()));
        tokens.flush();
        return new NewToken(raw, view(token));
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokens(UUID organisationId) {
        return tokens.findByOrganisationIdOrderByCreatedAtDesc(organisationId).stream().map(Provisioning::view).toList();
    }

    public TokenView revokeToken(Tenant admin, UUID tokenId) {
        ScimToken token = tokens.findByIdAndOrganisationId(tokenId, admin.organisationId()).orElseThrow(() -> Refused.notFound("SCIM token"));
        token.revoke(clock.instant());
        tokens.flush();
        return view(token);
    }

    private static TokenView view(ScimToken t) {
        return new TokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
    }

    // --- the default role and the groups' roles (the administrator's) -------------------------------------------------

    @Transactional(readOnly = true)
    public Role defaultRole(UUID organisationId) {
        List<String> role = jdbc.queryForList("select default_role from provisioning where organisation_id = ?", String.class, organisationId);
        return role.isEmpty() ? Role.CONTRIBUTOR : Role.valueOf(role.get(0));
    }

    public void setDefaultRole(Tenant admin, Role role) {
        if (role == null || role == Role.GUEST_AUDITOR || role == Role.ADMIN) {
            throw Refused.field("defaultRole", "Choose a role for people in no group: not administrator, not guest auditor");
        }
        int updated = jdbc.update("update provisioning set default_role = ?, version = version + 1 where organisation_id = ?",
                role.name(), admin.organisationId());
        if (updated == 0) {
            jdbc.update("insert into provisioning (organisation_id, default_role, version) values (?, ?, 0)", admin.organisationId(), role.name());
        }
        recompute(admin.organisationId(), provisionedMemberships(admin.organisationId()));
    }

    @Transactional(readOnly = true)
    public List<Team> teams(UUID organisationId) {
        return groups.findByOrganisationIdOrderByDisplayName(organisationId).stream().map(this::team).toList();
    }

    /** The roles a group gives its members; every provisioned member of it gets them at once. */
    public Team grant(Tenant admin, UUID groupId, Set<Role> roles, Long version) {
        ScimGroup group = groups.findByIdAndOrganisationId(groupId, admin.organisationId()).orElseThrow(() -> Refused.notFound("Group"));
        if (version != null) {
            Refused.requireCurrentVersion(version, group.getVersion());
        }
        if (roles.contains(Role.GUEST_AUDITOR)) {
            throw Refused.field("roles", "Guest auditors are invited with a last day of access, not provisioned through a group");
        }
        group.grant(roles, clock.instant());
        groups.flush();
        recompute(admin.organisationId(), memberIds(groupId));
        return team(group);
    }

    // --- SCIM users ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Listed<Person> people(UUID organisationId, String userName, String externalId, int startIndex, int count) {
        StringBuilder where = new StringBuilder(" from membership m join app_user u on u.id = m.user_id where m.organisation_id = ?"
                + " and m.invited_at is null and m.deprovisioned_at is null");
        List<Object> args = new ArrayList<>(List.of(organisationId));
        if (userName != null) {
            where.append(" and u.email = ?");
            args.add(User.normaliseEmail(userName));
        }
        if (externalId != null) {
            where.append(" and m.external_id = ?");
            args.add(externalId);
        }
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> page = new ArrayList<>(args);
        page.add(Math.max(startIndex, 1) - 1);
        page.add(Math.max(0, Math.min(count, 200)));
        List<UUID> ids = jdbc.queryForList("select m.id" + where + " order by m.created_at, m.id offset ? rows fetch next ? rows only",
                UUID.class, page.toArray());
        return new Listed<>(total == null ? 0 : total, ids.stream().map(id -> person(organisationId, id)).toList());
    }

    @Transactional(readOnly = true)
    public Person person(UUID organisationId, UUID id) {
        Membership m = provisionable(organisationId, id);
        User u = users.findById(m.getUserId()).orElseThrow(() -> Refused.notFound("User"));
        String[] names = splitName(u.getDisplayName());
        List<GroupRef> teams = jdbc.query("""
                select g.id, g.display_name from scim_group g join scim_group_member gm on gm.group_id = g.id
                where gm.membership_id = ? order by g.display_name""",
                (rs, i) -> new GroupRef(rs.getObject(1, UUID.class), rs.getString(2)), id);
        return new Person(m.getId(), u.getEmail(), m.getExternalId(), u.getDisplayName(), names[0], names[1], u.getEmail(),
                m.isActive(), m.getCreatedAt(), m.getVersion(), teams);
    }

    /**
     * A new member from the provider: the account is found by its address or made (without a usable password: the
     * person signs in through single sign-on, or chooses one with "Forgot your password?"), with the default role.
     */
    public Person createPerson(UUID organisationId, PersonInput input) {
        String email = emailOf(input);
        User user = users.findByEmail(email).orElse(null);
        if (user != null) {
            Optional<Membership> existing = memberships.findByOrganisationIdAndUserId(organisationId, user.getId());
            if (existing.isPresent() && existing.get().getDeprovisionedAt() == null) {
                throw Refused.conflict("uniqueness: " + email + " is a member already (id " + existing.get().getId() + ")");
            }
            if (existing.isPresent()) {
                // Deleted by the provider before and provisioned again: the same membership, back.
                Membership back = existing.get();
                back.provisionAgain(input.externalId());
                memberships.flush();
                recompute(organisationId, List.of(back.getId()));
                return person(organisationId, back.getId());
            }
        }
        else {
            String name = nameOf(input, email);
            user = users.save(new User(email, name, unusablePassword(passwordEncoder), clock.instant()));
        }
        Membership membership = Membership.provisioned(organisationId, user.getId(), Set.of(defaultRole(organisationId)),
                input.externalId(), clock.instant());
        if (Boolean.FALSE.equals(input.active())) {
            membership.deactivate();
        }
        memberships.save(membership);
        memberships.flush();
        return person(organisationId, membership.getId());
    }

    /** PUT and PATCH: the fields given are applied; an address change is refused (it is the account's, used elsewhere). */
    public Person updatePerson(UUID organisationId, UUID id, PersonInput input) {
        Membership m = provisionable(organisationId, id);
        User user = users.findById(m.getUserId()).orElseThrow(() -> Refused.notFound("User"));
        if (input.externalId() != null) {
            m.identify(input.externalId());
        }
        // One part of the name changed (Entra sends name.familyName alone): the other part stays as it was.
        String[] current = splitName(user.getDisplayName());
        String name = input.displayName() != null ? input.displayName()
                : input.givenName() != null || input.familyName() != null ? String.join(" ", java.util.stream.Stream.of(
                        input.givenName() != null ? input.givenName() : current[0], input.familyName() != null ? input.familyName() : current[1])
                        .filter(s -> s != null && !s.isBlank()).toList()) : null;
        boolean onlyHere = memberships.findByUserId(user.getId()).stream().noneMatch(o -> !o.getId().equals(id) && o.isActive());
        if (name != null && !name.isBlank() && onlyHere) {
            user.rename(name.length() > 120 ? name.substring(0, 120) : name);
        }
        if (input.active() != null && input.active() != m.isActive()) {
            if (input.active()) {
                m.activate();
                users.findById(m.getUserId()).filter(u -> !u.isEnabled()).ifPresent(User::enable);
            }
            else {
                end(m);
            }
        }
        memberships.flush();
        users.flush();
        return person(organisationId, id);
    }

    /** DELETE: the membership ends and is no longer listed; nothing is deleted (records and history keep the person). */
    public void deletePerson(UUID organisationId, UUID id) {
        Membership m = provisionable(organisationId, id);
        if (m.isActive()) {
            end(m);
        }
        m.deprovision(clock.instant());
        jdbc.update("delete from scim_group_member where membership_id = ?", id);
        memberships.flush();
    }

    private void end(Membership m) {
        identity.endMembership(m);
    }

    // --- SCIM groups ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Listed<Team> teams(UUID organisationId, String displayName, int startIndex, int count) {
        List<Team> all = groups.findByOrganisationIdOrderByDisplayName(organisationId).stream()
                .filter(g -> displayName == null || g.getDisplayName().equals(displayName)).map(this::team).toList();
        int from = Math.min(Math.max(startIndex, 1) - 1, all.size());
        return new Listed<>(all.size(), all.subList(from, Math.min(all.size(), from + Math.max(0, Math.min(count, 200)))));
    }

    @Transactional(readOnly = true)
    public Team team(UUID organisationId, UUID id) {
        return team(group(organisationId, id));
    }

    public Team createTeam(UUID organisationId, String displayName, String externalId, List<UUID> members) {
        requireName(displayName);
        ScimGroup group = groups.save(new ScimGroup(organisationId, displayName, externalId, clock.instant()));
        groups.flush();
        changeMembers(group, members, List.of(), null);
        return team(group);
    }

    /** PUT and PATCH of a group: a new name, members added or removed, or (replace) the whole list of members. */
    public Team updateTeam(UUID organisationId, UUID id, String displayName, String externalId, List<UUID> add, List<UUID> remove,
            List<UUID> replace) {
        ScimGroup group = group(organisationId, id);
        if (displayName != null) {
            requireName(displayName);
        }
        if (displayName != null || externalId != null) {
            group.describe(displayName != null ? displayName : group.getDisplayName(), externalId != null ? externalId : group.getExternalId(),
                    clock.instant());
        }
        else {
            group.touched(clock.instant());
        }
        groups.flush();
        changeMembers(group, add, remove, replace);
        return team(group);
    }

    public void deleteTeam(UUID organisationId, UUID id) {
        ScimGroup group = group(organisationId, id);
        List<UUID> affected = memberIds(id);
        jdbc.update("delete from scim_group_member where group_id = ?", id);
        groups.delete(group);
        groups.flush();
        recompute(organisationId, affected);
    }

    private void changeMembers(ScimGroup group, List<UUID> add, List<UUID> remove, List<UUID> replace) {
        Set<UUID> before = new LinkedHashSet<>(memberIds(group.getId()));
        Set<UUID> after = new LinkedHashSet<>(replace != null ? replace : before);
        after.addAll(add == null ? List.of() : add);
        after.removeAll(remove == null ? List.of() : remove);
        for (UUID member : after) {
            provisionable(group.getOrganisationId(), member);
        }
        for (UUID gone : before) {
            if (!after.contains(gone)) {
                jdbc.update("delete from scim_group_member where group_id = ? and membership_id = ?", group.getId(), gone);
            }
        }
        for (UUID added : after) {
            if (!before.contains(added)) {
                jdbc.update("insert into scim_group_member (group_id, membership_id) values (?, ?)", group.getId(), added);
            }
        }
        Set<UUID> affected = new LinkedHashSet<>(before);
        affected.addAll(after);
        recompute(group.getOrganisationId(), affected);
    }

    /** Each provisioned membership holds the roles of its groups, or the default role when none grants one. */
    private void recompute(UUID organisationId, java.util.Collection<UUID> membershipIds) {
        Role fallback = null;
        for (UUID id : membershipIds) {
            Membership m = memberships.findByIdAndOrganisationId(id, organisationId).orElse(null);
            if (m == null || !m.isProvisioned()) {
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            jdbc.queryForList("select g.roles from scim_group g join scim_group_member gm on gm.group_id = g.id where gm.membership_id = ?",
                    String.class, id).forEach(column -> {
                        for (String r : column.split(",")) {
                            if (!r.isBlank()) {
                                roles.add(Role.valueOf(r.strip()));
                            }
                        }
                    });
            if (roles.isEmpty()) {
                fallback = fallback == null ? defaultRole(organisationId) : fallback;
                roles.add(fallback);
            }
            if (!roles.equals(m.getRoles())) {
                if (m.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                    identity.requireAnotherAdmin(organisationId, m);
                }
                m.change(roles, m.getLineManagerId(), m.getAccessUntil());
            }
        }
        memberships.flush();
    }

    private List<UUID> provisionedMemberships(UUID organisationId) {
        return jdbc.queryForList("select id from membership where organisation_id = ? and provisioned = true", UUID.class, organisationId);
    }

    private List<UUID> memberIds(UUID groupId) {
        return jdbc.queryForList("select membership_id from scim_group_member where group_id = ?", UUID.class, groupId);
    }

    private Team team(ScimGroup g) {
        List<GroupRef> members = jdbc.query("""
                select m.id, u.email from scim_group_member gm join membership m on m.id = gm.membership_id
                join app_user u on u.id = m.user_id where gm.group_id = ? order by u.email""",
                (rs, i) -> new GroupRef(rs.getObject(1, UUID.class), rs.getString(2)), g.getId());
        return new Team(g.getId(), g.getDisplayName(), g.getExternalId(), members, g.getRoles(), g.getCreatedAt(), g.getUpdatedAt(), g.getVersion());
    }

    private ScimGroup group(UUID organisationId, UUID id) {
        return groups.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Group"));
    }

    private Membership provisionable(UUID organisationId, UUID id) {
        return memberships.findByIdAndOrganisationId(id, organisationId).filter(m -> !m.isInvited() && m.getDeprovisionedAt() == null)
                .orElseThrow(() -> Refused.notFound("User"));
    }

    private static void requireName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw Refused.field("displayName", "A group needs a displayName of at most 200 characters");
        }
    }

    private static String emailOf(PersonInput input) {
        String email = input.email() != null ? input.email() : input.userName();
        email = User.normaliseEmail(email);
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw Refused.field("userName", "Send the person's e-mail address as userName or as the primary of emails");
        }
        return email;
    }

    private static String nameOf(PersonInput input, String email) {
        String name = input.displayName();
        if (name == null || name.isBlank()) {
            name = java.util.stream.Stream.of(input.givenName(), input.familyName()).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" "));
        }
        if (name == null || name.isBlank()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static String[] splitName(String displayName) {
        int space = displayName.lastIndexOf(' ');
        return space < 0 ? new String[] {displayName, ""} : new String[] {displayName.substring(0, space), displayName.substring(space + 1)};
    }

}
