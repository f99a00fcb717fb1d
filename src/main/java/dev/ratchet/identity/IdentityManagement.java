package dev.ratchet.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.identity.domain.ApiToken;
import dev.ratchet.identity.domain.ApiTokenRepository;
import dev.ratchet.identity.domain.Membership;
import dev.ratchet.identity.domain.MembershipRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People, memberships, passwords, second factors and API tokens. */
@Service
@Transactional
public class IdentityManagement {

    private static final String TOKEN_PREFIX = "rat_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final ApiTokenRepository tokens;
    private final OrganisationManagement organisations;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SecondFactor secondFactor;
    private final PeopleDirectory people;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final RecoveryCodes recoveryCodes;
    private final dev.ratchet.mail.Outbox outbox;
    private final org.springframework.context.ApplicationEventPublisher events;

    IdentityManagement(UserRepository users, MembershipRepository memberships, ApiTokenRepository tokens,
            OrganisationManagement organisations, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            SecondFactor secondFactor, PeopleDirectory people, Clock clock, LoginThrottle throttle,
            org.springframework.jdbc.core.JdbcTemplate jdbc, RecoveryCodes recoveryCodes, dev.ratchet.mail.Outbox outbox,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.recoveryCodes = recoveryCodes;
        this.outbox = outbox;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.users = users;
        this.memberships = memberships;
        this.tokens = tokens;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.secondFactor = secondFactor;
        this.people = people;
        this.clock = clock;
    }

    // --- first run -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public boolean setupNeeded() {
        return users.count() == 0;
    }

    /**
     * Creates the first administrator and organisation; refused once anyone exists, so it cannot be replayed. Happens
     * once even when two instances are asked at the same moment: the installation's one set-up row (primary key 1) is
     * inserted first, so the second transaction waits for the first and then finds it, and creates nothing.
     */
    public UUID setUp(SetupForm form) {
        if (!setupNeeded()) {
            throw Refused.conflict("Ratchet is already set up: sign in instead.");
        }
        if (form.getPassword() == null || !form.getPassword().equals(form.getPasswordConfirmation())) {
            throw Refused.field("passwordConfirmation", "The two passwords differ: type the same password twice");
        }
        passwordPolicy.check("password", form.getPassword(), form.getEmail(), form.getDisplayName());
        int first;
        try {
            first = jdbc.update("insert into installation_setup (id, set_up_at) values (1, ?) on conflict do nothing",
                    java.sql.Timestamp.from(clock.instant()));
        }
        catch (org.springframework.dao.DataIntegrityViolationException | org.springframework.dao.PessimisticLockingFailureException taken) {
            first = 0;
        }
        if (first == 0) {
            throw Refused.conflict("Ratchet was set up a moment ago, by someone else: sign in with the account they made, or ask them for one.");
        }
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName(form.getOrganisationName());
        OrganisationDetails organisation = organisations.create(settings);
        User user = users.save(new User(form.getEmail(), form.getDisplayName(),
                passwordEncoder.encode(form.getPassword()), clock.instant()));
        memberships.save(new Membership(organisation.id(), user.getId(), Set.of(Role.ADMIN, Role.ISMS_MANAGER), null,
                null, clock.instant()));
        return organisation.id();
    }

    // --- organisations and tenancy ---------------------------------------------------------------------------

    /** The organisations this person may enter today. */
    @Transactional(readOnly = true)
    public List<OrganisationDetails> organisationsOf(UUID userId) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = memberships.findByUserId(userId).stream().filter(m -> m.grantsAccessOn(today))
                .map(Membership::getOrganisationId).toList();
        return organisations.findAll(ids);
    }

    /** Who the person is in that organisation, if they may enter it today. */
    @Transactional(readOnly = true)
    public Optional<Tenant> tenant(UUID userId, UUID organisationId) {
        LocalDate today = LocalDate.now(clock);
        return memberships.findByOrganisationIdAndUserId(organisationId, userId)
                .filter(m -> m.grantsAccessOn(today))
                .flatMap(m -> organisations.find(organisationId).flatMap(o -> users.findById(userId)
                        .map(u -> new Tenant(o.id(), o.name(), u.getId(), u.getDisplayName(),
                                m.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet())))));
    }

    /**
     * Everything a request needs to know of the person behind it, read once in one transaction (a handful of
     * statements instead of one lookup per question): whether the session or token may still act, who they are in the
     * organisation asked for (empty: not a member there today, or closed to this way of signing in), whether that
     * organisation wants a second factor they have not set up, and, for pages, the organisations they may switch to and
     * how many invitations wait for their answer.
     */
    public record Standing(boolean mayAct, Optional<Tenant> tenant, boolean owesSecondFactor,
            List<OrganisationDetails> enterable, int invitations) {
    }

    /**
     * The request's {@link Standing}: whether the account may still act (enabled, the session or token not older than
     * its last revocation) and the rest. {@code organisationId} is the organisation asked for (null: the first the person
     * may enter); {@code mayEnter} which organisations this way of signing in opens ({@link SingleSignOn#entryRule});
     * {@code page} whether the navigation is wanted too (the organisation list, the invitations).
     */
    @Transactional(readOnly = true)
    public Standing standing(RatchetPrincipal principal, UUID organisationId, java.util.function.Predicate<UUID> mayEnter, boolean page) {
        Optional<User> user = users.findById(principal.userId());
        boolean mayAct = user.filter(User::isEnabled)
                .filter(u -> !principal.authenticatedAt().isBefore(u.getSessionsValidFrom().truncatedTo(ChronoUnit.MILLIS)))
                .isPresent();
        if (!mayAct) {
            return new Standing(false, Optional.empty(), false, List.of(), 0);
        }
        LocalDate today = LocalDate.now(clock);
        List<Membership> all = memberships.findByUserId(principal.userId());
        List<UUID> entering = all.stream().filter(m -> m.grantsAccessOn(today)).map(Membership::getOrganisationId)
                .filter(mayEnter).toList();
        List<OrganisationDetails> enterable = page || organisationId == null ? organisations.findAll(entering) : List.of();
        UUID chosen = organisationId != null ? organisationId : enterable.isEmpty() ? null : enterable.get(0).id();
        Optional<Tenant> tenant = Optional.empty();
        boolean owes = false;
        if (chosen != null && entering.contains(chosen)) {
            Membership membership = all.stream().filter(m -> m.getOrganisationId().equals(chosen)).findFirst().orElseThrow();
            Optional<OrganisationDetails> organisation = enterable.stream().filter(o -> o.id().equals(chosen)).findFirst()
                    .or(() -> organisations.find(chosen));
            User u = user.get();
            tenant = organisation.map(o -> new Tenant(o.id(), o.name(), u.getId(), u.getDisplayName(),
                    membership.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet())));
            owes = organisation.map(OrganisationDetails::requireTwoFactor).orElse(false) && !u.hasTotp() && !hasPasskey(u.getId());
        }
        int invitations = 0;
        if (page) {
            Instant now = clock.instant();
            // Pending: neither accepted nor withdrawn, and not expired (Invitation.stateAt).
            invitations = (int) all.stream().filter(Membership::isInvited).count() + jdbc.queryForObject(
                    "select count(*) from invitation where email = ? and accepted_at is null and withdrawn_at is null and expires_at > ?",
                    Integer.class, user.get().getEmail(), java.sql.Timestamp.from(now));
        }
        return new Standing(true, tenant, owes, enterable, invitations);
    }

    /** A new organisation, with its creator as administrator and ISMS manager (a consultant's next client). */
    public OrganisationDetails createOrganisation(UUID creatorId, OrganisationSettings settings) {
        OrganisationDetails organisation = organisations.create(settings);
        memberships.save(new Membership(organisation.id(), creatorId, Set.of(Role.ADMIN, Role.ISMS_MANAGER), null,
                null, clock.instant()));
        return organisation;
    }

    /** Whether the person administers an organisation now: who may create another one (as on the pages). */
    @Transactional(readOnly = true)
    public boolean administersAny(UUID userId) {
        return memberships.findByUserId(userId).stream().anyMatch(m -> m.isActive() && m.getRoles().contains(Role.ADMIN));
    }

    /** A new personal token and how it is listed; the secret is shown only here, once. */
    public record NewToken(String token, TokenView details) {
    }

    public NewToken createTokenWithDetails(UUID userId, String name, Integer validDays) {
        String token = createToken(userId, name, validDays);
        TokenView details = tokensOf(userId).stream().filter(t -> token.startsWith(t.prefix())).findFirst().orElse(null);
        return new NewToken(token, details);
    }

    // --- members ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<MemberView> members(UUID organisationId, String text, Role role, Pageable pageable) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
        Page<Object[]> page = memberships.search(organisationId, pattern, role == null ? "" : role.name(), pageable);
        Map<UUID, String> names = people.displayNames(organisationId);
        return page.map(row -> view((Membership) row[0], (User) row[1], names));
    }

    /**
     * Lets a member of the organisation sign in again at once, after strangers' guesses or their own typos slowed their
     * account down: clears the account's throttles, on every instance (they are counted in the database).
     */
    public MemberView unlockSignIn(UUID organisationId, UUID membershipId) {
        MemberView member = member(organisationId, membershipId);
        throttle.unlock(member.email(), member.userId());
        return member;
    }

    @Transactional(readOnly = true)
    public MemberView member(UUID organisationId, UUID membershipId) {
        Membership membership = findMembership(organisationId, membershipId);
        return view(membership, users.getReferenceById(membership.getUserId()), people.displayNames(organisationId));
    }

    /**
     * Adds a person with a first password chosen for them: for the demo organisation, the generator and tests only.
     * No page or API call offers it; people are invited ({@link Invitations}) and choose their own password.
     */
    public MemberView addMember(UUID organisationId, MemberForm form, String initialPassword) {
        String email = User.normaliseEmail(form.getEmail());
        User user = users.findByEmail(email).orElse(null);
        if (user != null && memberships.findByOrganisationIdAndUserId(organisationId, user.getId()).isPresent()) {
            throw Refused.field("email", email + " is already a member of this organisation");
        }
        checkRoles(organisationId, user == null ? null : user.getId(), form);
        boolean existing = user != null;
        if (user == null) {
            passwordPolicy.check("initialPassword", initialPassword, email, form.getDisplayName());
            user = users.save(new User(email, form.getDisplayName(), passwordEncoder.encode(initialPassword),
                    clock.instant()));
        }
        // Someone who has an account already (in another organisation) is invited: they accept before they join, and
        // nothing about their account is shown to this organisation until then.
        Membership membership = memberships.save(existing
                ? Membership.invited(organisationId, user.getId(), form.getRoles(), form.getLineManagerId(), form.getAccessUntil(), clock.instant())
                : new Membership(organisationId, user.getId(), form.getRoles(), form.getLineManagerId(), form.getAccessUntil(), clock.instant()));
        return view(membership, user, people.displayNames(organisationId));
    }

    /** Changes roles, line manager and guest expiry. A person's name and e-mail are theirs to change, not an admin's. */
    public MemberView updateMember(UUID organisationId, UUID membershipId, MemberForm form) {
        Membership membership = findMembership(organisationId, membershipId);
        Refused.requireCurrentVersion(form.getVersion(), membership.getVersion());
        // Never an answer of 200 with the name or e-mail silently kept: a change to either is refused, naming it.
        User user = users.getReferenceById(membership.getUserId());
        if (form.getDisplayName() != null && !form.getDisplayName().strip().equals(user.getDisplayName())) {
            throw Refused.field("displayName", "A person's name is theirs to change (under \"Your account\"); send the name as it is");
        }
        if (form.getEmail() != null && !User.normaliseEmail(form.getEmail()).equals(user.getEmail())) {
            throw Refused.field("email", "A person's e-mail address is theirs to change (under \"Your account\"); send it as it is");
        }
        checkRoles(organisationId, membership.getUserId(), form);
        if (membership.getRoles().contains(Role.ADMIN) && !form.getRoles().contains(Role.ADMIN)) {
            requireAnotherAdmin(organisationId, membership);
        }
        membership.change(form.getRoles(), form.getLineManagerId(), form.getAccessUntil());
        memberships.flush();
        return member(organisationId, membershipId);
    }

    /**
     * Ends the person's access to this organisation at once, their open sessions included. Where it was the only
     * organisation they had, their account is disabled too.
     */
    public MemberView deactivateMember(UUID organisationId, UUID membershipId, Long version) {
        Membership membership = findMembership(organisationId, membershipId);
        Refused.requireCurrentVersion(version, membership.getVersion());
        endMembership(membership);
        memberships.flush();
        return member(organisationId, membershipId);
    }

    /**
     * Ends a membership at once (its sessions and tokens are refused in that organisation from the next request). Where
     * it was the only organisation the person had, the account is disabled too. Publishes {@link MembershipEnded}, so
     * that the person's open work finds new owners.
     */
    void endMembership(Membership membership) {
        if (membership.getRoles().contains(Role.ADMIN)) {
            requireAnotherAdmin(membership.getOrganisationId(), membership);
        }
        membership.deactivate();
        boolean elsewhere = memberships.findByUserId(membership.getUserId()).stream()
                .anyMatch(m -> m.isActive() && !m.getId().equals(membership.getId()));
        User user = users.findById(membership.getUserId()).orElseThrow();
        if (!elsewhere) {
            user.disable(clock.instant());
        }
        events.publishEvent(new MembershipEnded(membership.getOrganisationId(), membership.getUserId(), user.getDisplayName(),
                membership.getLineManagerId()));
    }

    public MemberView reactivateMember(UUID organisationId, UUID membershipId, Long version) {
        Membership membership = findMembership(organisationId, membershipId);
        Refused.requireCurrentVersion(version, membership.getVersion());
        membership.activate();
        users.findById(membership.getUserId()).filter(u -> !u.isEnabled()).ifPresent(User::enable);
        memberships.flush();
        return member(organisationId, membershipId);
    }

    void checkRoles(UUID organisationId, UUID userId, MemberForm form) {
        Set<Role> roles = form.getRoles();
        if (roles.contains(Role.GUEST_AUDITOR)) {
            if (roles.size() > 1) {
                throw Refused.field("roles", "A guest auditor only reads: give no other role with it");
            }
            if (form.getAccessUntil() == null) {
                throw Refused.field("accessUntil", "A guest auditor's access must end: choose the last day");
            }
        }
        if (form.getAccessUntil() != null && form.getAccessUntil().isBefore(LocalDate.now(clock))) {
            throw Refused.field("accessUntil", "The last day of access cannot be in the past");
        }
        if (form.getLineManagerId() != null) {
            if (form.getLineManagerId().equals(userId)) {
                throw Refused.field("lineManagerId", "A person cannot be their own line manager");
            }
            if (memberOf(organisationId, form.getLineManagerId()).isEmpty()) {
                throw Refused.field("lineManagerId", "The line manager must be an active member of this organisation");
            }
        }
    }

    /** Refused when taking the role from this administrator would leave the organisation without one. */
    void requireAnotherAdmin(UUID organisationId, Membership leaving) {
        LocalDate today = LocalDate.now(clock);
        boolean another = memberships.findByOrganisationIdAndActiveTrue(organisationId).stream()
                .anyMatch(m -> !m.getId().equals(leaving.getId()) && m.getRoles().contains(Role.ADMIN)
                        && m.grantsAccessOn(today));
        if (!another) {
            throw Refused.field("roles", "An organisation keeps at least one active administrator: make someone else administrator first");
        }
    }

    private Membership findMembership(UUID organisationId, UUID membershipId) {
        return memberships.findByIdAndOrganisationId(membershipId, organisationId)
                .orElseThrow(() -> Refused.notFound("Member"));
    }

    /**
     * A member as the organisation sees them. Someone invited who has not accepted yet is known by the e-mail address the
     * administrator typed, nothing more: the account's name and state belong to the person until they join.
     */
    private MemberView view(Membership m, User u, Map<UUID, String> names) {
        boolean invited = m.isInvited();
        return new MemberView(m.getId(), u.getId(), u.getEmail(), invited ? u.getEmail() : u.getDisplayName(), m.getRoles(),
                m.getLineManagerId(), m.getLineManagerId() == null ? null : names.get(m.getLineManagerId()),
                m.isActive(), invited ? null : u.isEnabled(), invited ? null : u.hasTotp(), m.getAccessUntil(), m.getCreatedAt(),
                invited, m.isBreakGlass(), m.getVersion());
    }

    /** An organisation that asks this person to join it, waiting for their answer. */
    public record Invitation(UUID membershipId, UUID organisationId, String organisationName, Set<Role> roles, Instant invitedAt) {
    }

    /** The invitations waiting for this person's answer. */
    @Transactional(readOnly = true)
    public List<Invitation> invitationsOf(UUID userId) {
        return memberships.findByUserId(userId).stream().filter(Membership::isInvited).map(this::asInvitation).toList();
    }

    private Invitation asInvitation(Membership m) {
        return new Invitation(m.getId(), m.getOrganisationId(),
                organisations.find(m.getOrganisationId()).map(OrganisationDetails::name).orElse("(an organisation)"),
                m.getRoles(), m.getInvitedAt());
    }

    /** The person joins the organisation that invited them. */
    public Invitation acceptInvitation(UUID userId, UUID membershipId) {
        Membership membership = invitation(userId, membershipId);
        membership.accept();
        memberships.flush();
        return asInvitation(membership);
    }

    /** The person declines: the waiting membership goes, and the organisation sees them no more. */
    public void declineInvitation(UUID userId, UUID membershipId) {
        memberships.delete(invitation(userId, membershipId));
        memberships.flush();
    }

    private Membership invitation(UUID userId, UUID membershipId) {
        return memberships.findById(membershipId).filter(m -> m.getUserId().equals(userId) && m.isInvited())
                .orElseThrow(() -> Refused.notFound("Invitation"));
    }

    /** The active members of an organisation, by name. */
    @Transactional(readOnly = true)
    public List<People.Person> activeMembersOf(UUID organisationId) {
        return people.activeMembersOf(organisationId);
    }

    private Optional<People.Person> memberOf(UUID organisationId, UUID userId) {
        return people.memberOf(organisationId, userId);
    }

    // --- accounts --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<RatchetPrincipal> principal(String email) {
        return users.findByEmail(User.normaliseEmail(email)).map(u -> principalOf(u, clock.instant()));
    }

    public void changePassword(UUID userId, String current, String next, String confirmation) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        if (current == null || !passwordEncoder.matches(current, user.getPasswordHash())) {
            throw Refused.field("currentPassword", "That is not your current password");
        }
        if (next == null || !next.equals(confirmation)) {
            throw Refused.field("confirmation", "The two new passwords differ: type the same password twice");
        }
        passwordPolicy.check("newPassword", next, user.getEmail(), user.getDisplayName());
        user.changePassword(passwordEncoder.encode(next), clock.instant());
    }

    @Transactional(readOnly = true)
    public RatchetPrincipal refreshedPrincipal(UUID userId) {
        return principalOf(users.findById(userId).orElseThrow(() -> Refused.notFound("Account")), clock.instant());
    }

    /** After the password, a person with an authenticator app or a passkey owes one of them before coming in. */
    private RatchetPrincipal principalOf(User u, Instant now) {
        return new RatchetPrincipal(u.getId(), u.getEmail(), u.getDisplayName(), u.getPasswordHash(), u.isEnabled(),
                u.hasTotp() || hasPasskey(u.getId()), now.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Whether the account has a passkey, which serves as its second factor after a password. */
    @Transactional(readOnly = true)
    public boolean hasPasskey(UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from passkey where user_id = ?)", Boolean.class, userId));
    }

    // --- second factor ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public boolean hasSecondFactor(UUID userId) {
        return users.findById(userId).map(User::hasTotp).orElse(false);
    }

    public SecondFactor.Enrolment startSecondFactor(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        return secondFactor.newEnrolment(user.getEmail());
    }

    public void confirmSecondFactor(UUID userId, String secret, String code) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        if (secret == null || !secondFactor.isValid(secret, code)) {
            throw Refused.field("code", "That code is not right: type the six digits your app shows now");
        }
        user.enrolTotp(secret);
    }

    public void removeSecondFactor(UUID userId, String password) {
        User user = requirePassword(userId, password);
        user.removeTotp();
        recoveryCodes.discard(userId);
    }

    /** Refused, naming the field, unless the password given is the account's own (before a sensitive change). */
    public void checkPassword(UUID userId, String password) {
        requirePassword(userId, password);
    }

    private User requirePassword(UUID userId, String password) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        if (password == null || !passwordEncoder.matches(password, user.getPasswordHash())) {
            throw Refused.field("password", "That is not your current password");
        }
        return user;
    }

    /**
     * An administrator resets a member's second factor (the phone is lost and so are the recovery codes): the member
     * signs in with the password alone and sets it up again, and is told by e-mail. Refused for someone who also
     * works in an organisation this administrator does not administer: its administrators rely on that factor too.
     */
    public MemberView resetSecondFactor(Tenant admin, UUID membershipId) {
        Membership membership = findMembership(admin.organisationId(), membershipId);
        if (membership.isInvited()) {
            throw Refused.notFound("Member");
        }
        User user = users.findById(membership.getUserId()).orElseThrow(() -> Refused.notFound("Member"));
        if (!user.hasTotp()) {
            throw Refused.conflict(user.getDisplayName() + " has no second factor to reset");
        }
        boolean elsewhere = memberships.findByUserId(user.getId()).stream()
                .filter(m -> m.isActive() && !m.getOrganisationId().equals(admin.organisationId()))
                .anyMatch(m -> memberships.findByOrganisationIdAndUserId(m.getOrganisationId(), admin.userId())
                        .filter(mine -> mine.isActive() && mine.getRoles().contains(Role.ADMIN)).isEmpty());
        if (elsewhere) {
            throw Refused.conflict(user.getDisplayName() + " also works in another organisation, whose administrators rely on "
                    + "this second factor too: ask them to sign in with a recovery code, or an administrator of every "
                    + "organisation they belong to to reset it.");
        }
        user.removeTotp();
        recoveryCodes.discard(user.getId());
        users.flush();
        outbox.queue(new dev.ratchet.mail.Outbox.Mail(admin.organisationId(), user.getEmail(), "Your second factor was reset",
                "Hello " + user.getDisplayName() + ",\n\n" + admin.userName() + ", an administrator of " + admin.organisationName()
                        + ", reset the second factor of your Ratchet account on " + dev.ratchet.shared.Dates.atUtc(clock.instant())
                        + ". You sign in with your password alone until you set up a second factor again under Your account"
                        + (organisations.find(admin.organisationId()).map(OrganisationDetails::requireTwoFactor).orElse(false)
                                ? " (" + admin.organisationName() + " asks you to do so when you next sign in)" : "")
                        + ".\n\nIf you did not ask for this, tell " + admin.userName() + " at once.\n"));
        return member(admin.organisationId(), membershipId);
    }

    /**
     * Whether the code is right now and not used before: a code accepted once is spent with its time step (and every
     * earlier one), so the same code does not sign in a second session.
     */
    public boolean verifySecondFactor(UUID userId, String code) {
        return users.findById(userId).filter(User::hasTotp)
                .map(u -> secondFactor.step(u.getTotpSecret(), code))
                .filter(java.util.OptionalLong::isPresent)
                .map(step -> users.spendTotpStep(userId, step.getAsLong()) == 1).orElse(false);
    }

    // --- weekly digest ---------------------------------------------------------------------------------------

    public void muteDigest(UUID userId, boolean muted) {
        users.findById(userId).orElseThrow(() -> Refused.notFound("Account")).muteDigest(muted);
    }

    /** Whether the person wants the weekly digest and may still receive mail from Ratchet. */
    @Transactional(readOnly = true)
    public boolean wantsDigest(UUID userId) {
        return users.findById(userId).filter(User::isEnabled).map(u -> !u.isDigestMuted()).orElse(false);
    }

    // --- calendar feed ----------------------------------------------------------------------------------------

    /** A new secret for the person's calendar feed, replacing any earlier one; shown once. */
    public String newCalendarToken(UUID userId) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        users.findById(userId).orElseThrow(() -> Refused.notFound("Account")).useCalendarToken(hash(raw));
        return raw;
    }

    public void revokeCalendarToken(UUID userId) {
        users.findById(userId).orElseThrow(() -> Refused.notFound("Account")).useCalendarToken(null);
    }

    @Transactional(readOnly = true)
    public boolean hasCalendarFeed(UUID userId) {
        return users.findById(userId).map(User::hasCalendarFeed).orElse(false);
    }

    /** The enabled person a calendar feed secret belongs to. */
    @Transactional(readOnly = true)
    public Optional<UUID> calendarOwner(String raw) {
        if (raw == null || raw.length() < 20) {
            return Optional.empty();
        }
        return users.findByCalendarTokenHash(hash(raw)).filter(User::isEnabled).map(User::getId);
    }

    // --- API tokens ------------------------------------------------------------------------------------------

    /** The new token's text, shown once; only its hash is kept. */
    public String createToken(UUID userId, String name, Integer validDays) {
        if (name == null || name.isBlank()) {
            throw Refused.field("name", "Name the token after what will use it, like \"CI export\"");
        }
        if (name.strip().length() > 80) {
            throw Refused.field("name", "A token name can have at most 80 characters");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw Refused.field("validDays", "A token is valid for 1 to 366 days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(new ApiToken(userId, name, hash(raw), raw.substring(0, 10), now,
                validDays == null ? null : now.plus(validDays, ChronoUnit.DAYS)));
        return raw;
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokensOf(UUID userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getExpiresAt(),
                        t.getLastUsedAt(), t.getRevokedAt()))
                .toList();
    }

    public void revokeToken(UUID userId, UUID tokenId) {
        tokens.findByIdAndUserId(tokenId, userId).orElseThrow(() -> Refused.notFound("Token")).revoke(clock.instant());
    }

    /** The person a token acts for, if the token is known, usable and its owner's account is enabled. */
    public Optional<RatchetPrincipal> authenticateToken(String raw) {
        if (raw == null || !raw.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(raw)).filter(t -> t.isUsableAt(now)).flatMap(t -> {
            if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minusSeconds(300))) {
                tokens.touch(t.getId(), now, now.minusSeconds(300));
            }
            return users.findById(t.getUserId());
        }).filter(User::isEnabled).map(u -> new RatchetPrincipal(u.getId(), u.getEmail(), u.getDisplayName(), null,
                true, false, now.truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String hash(String raw) {
        return Sha256.hex(raw);
    }

}
