package dev.ratchet.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.identity.domain.Invitation;
import dev.ratchet.identity.domain.InvitationRepository;
import dev.ratchet.identity.domain.Membership;
import dev.ratchet.identity.domain.MembershipRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.mail.MailDelivery;
import dev.ratchet.mail.Outbox;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Dates;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by e-mail: an administrator names the person, their roles and line manager; the person gets a
 * single-use link, valid for {@code ratchet.invitations.valid-for} (7 days), to set their own password and join. Someone
 * who has an account already joins with it through the same link (or from their start page), so the administrator
 * learns nothing about whether an address has an account. Without a mail server the link is handed to the
 * administrator to pass on, and the answer says so.
 */
@Service
@Transactional
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final IdentityManagement identity;
    private final OrganisationManagement organisations;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final PeopleDirectory people;
    private final Outbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;
    private final Duration validFor;
    private final String baseUrl;

    Invitations(InvitationRepository invitations, UserRepository users, MembershipRepository memberships,
            IdentityManagement identity, OrganisationManagement organisations, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, PeopleDirectory people, Outbox outbox, MailDelivery delivery, Clock clock,
            @Value("${ratchet.invitations.valid-for:P7D}") Duration validFor,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.invitations = invitations;
        this.users = users;
        this.memberships = memberships;
        this.identity = identity;
        this.organisations = organisations;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.people = people;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.validFor = validFor;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
    }

    /** An invitation as the organisation's administrators see it. */
    public record InvitationView(UUID id, String email, String displayName, Set<Role> roles, UUID lineManagerId,
            String lineManagerName, LocalDate accessUntil, String invitedBy, Instant sentAt, int timesSent,
            Instant expiresAt, Invitation.State state, long version) {
    }

    /**
     * What became of an invitation just sent: {@code link} is set only when no mail server is configured, for the
     * administrator to pass on (it is not kept anywhere, and sending again makes a new one).
     */
    public record Sent(InvitationView invitation, boolean mailed, String link) {
    }

    /** How long a link works. */
    public Duration validFor() {
        return validFor;
    }

    // --- the administrator's side ------------------------------------------------------------------------------------

    /** Invites one person. */
    public Sent invite(Tenant admin, MemberForm form) {
        return invite(admin, List.of(form), false).get(0);
    }

    /**
     * Invites everyone listed, or nobody: every problem is named (field {@code people[n].email} and so on, counted from
     * 1 in messages) before anything is written.
     */
    public List<Sent> inviteAll(Tenant admin, List<MemberForm> forms) {
        return invite(admin, forms, true);
    }

    private List<Sent> invite(Tenant admin, List<MemberForm> forms, boolean list) {
        if (forms.isEmpty()) {
            throw Refused.field("people", "List at least one person to invite");
        }
        Map<Integer, Map<String, String>> found = problems(admin.organisationId(), forms);
        if (!found.isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>();
            found.forEach((index, fields) -> fields.forEach((field, message) -> problems.put(
                    list ? "people[" + index + "]." + field : field,
                    list ? "Person " + (index + 1) + ": " + message : message)));
            throw Refused.fields(problems);
        }
        UUID organisationId = admin.organisationId();
        Instant now = clock.instant();
        List<Sent> sent = new ArrayList<>(forms.size());
        for (MemberForm form : forms) {
            String token = newToken();
            Invitation invitation = invitations.save(new Invitation(organisationId, User.normaliseEmail(form.getEmail()),
                    form.getDisplayName(), form.getRoles(), form.getLineManagerId(), form.getAccessUntil(), admin.userId(),
                    Sha256.hex(token), now, now.plus(validFor)));
            sent.add(mail(invitation, token, admin.userName()));
        }
        invitations.flush();
        return sent;
    }

    /**
     * What stands in the way of inviting each person (by index in the list, then field: email, displayName, roles,
     * lineManagerId, accessUntil); empty when everyone can be invited. Writes nothing.
     */
    @Transactional(readOnly = true)
    public Map<Integer, Map<String, String>> problems(UUID organisationId, List<MemberForm> forms) {
        Map<Integer, Map<String, String>> problems = new java.util.TreeMap<>();
        java.util.function.BiConsumer<Integer, Map.Entry<String, String>> add = (index, problem) ->
                problems.computeIfAbsent(index, k -> new LinkedHashMap<>()).putIfAbsent(problem.getKey(), problem.getValue());
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            MemberForm form = forms.get(i);
            String email = User.normaliseEmail(form.getEmail());
            if (email == null || email.isBlank() || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                add.accept(i, Map.entry("email", "Enter a valid e-mail address, like name@example.com"));
                continue;
            }
            if (form.getDisplayName() == null || form.getDisplayName().isBlank()) {
                add.accept(i, Map.entry("displayName", "Enter the name of " + email));
            }
            else if (form.getDisplayName().strip().length() > 120) {
                add.accept(i, Map.entry("displayName", "A name can have at most 120 characters"));
            }
            if (form.getRoles().isEmpty()) {
                add.accept(i, Map.entry("roles", "Give " + email + " at least one role"));
            }
            Integer twice = seen.putIfAbsent(email, i);
            if (twice != null) {
                add.accept(i, Map.entry("email", email + " is listed twice (also as person " + (twice + 1) + ")"));
                continue;
            }
            Optional<User> account = users.findByEmail(email);
            if (account.isPresent() && memberships.findByOrganisationIdAndUserId(organisationId, account.get().getId()).isPresent()) {
                add.accept(i, Map.entry("email", email + " is a member of this organisation already"));
                continue;
            }
            try {
                identity.checkRoles(organisationId, account.map(User::getId).orElse(null), form);
            }
            catch (Refused refused) {
                int index = i;
                refused.fieldErrors().entrySet().forEach(e -> add.accept(index, e));
            }
        }
        if (!seen.isEmpty()) {
            for (Invitation open : invitations.openFor(organisationId, seen.keySet())) {
                add.accept(seen.get(open.getEmail()), Map.entry("email", open.getEmail() + " was invited on "
                        + day(open.getCreatedAt(), organisationId) + " already: send that invitation again from the list"));
            }
        }
        return problems;
    }

    /** The invitations not yet accepted or withdrawn, expired ones included, newest first. */
    @Transactional(readOnly = true)
    public Page<InvitationView> open(UUID organisationId, Pageable pageable) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return invitations.open(organisationId, pageable).map(i -> view(i, names));
    }

    @Transactional(readOnly = true)
    public InvitationView get(UUID organisationId, UUID invitationId) {
        return view(find(organisationId, invitationId), people.displayNames(organisationId));
    }

    /** A new link (the old one stops working) with a new expiry, sent again. */
    public Sent sendAgain(Tenant admin, UUID invitationId, Long version) {
        Invitation invitation = find(admin.organisationId(), invitationId);
        if (version != null) {
            Refused.requireCurrentVersion(version, invitation.getVersion());
        }
        String token = newToken();
        Instant now = clock.instant();
        invitation.sendAgain(Sha256.hex(token), now, now.plus(validFor));
        invitations.flush();
        return mail(invitation, token, admin.userName());
    }

    /** The link stops working; the person is not told (they may not have read the first message yet). */
    public InvitationView withdraw(Tenant admin, UUID invitationId, Long version) {
        Invitation invitation = find(admin.organisationId(), invitationId);
        if (version != null) {
            Refused.requireCurrentVersion(version, invitation.getVersion());
        }
        invitation.withdraw(clock.instant());
        invitations.flush();
        return view(invitation, people.displayNames(admin.organisationId()));
    }

    // --- the invited person's side -----------------------------------------------------------------------------------

    /** What the link shows: whom it invites where, and whether it can still be used. */
    public record Opened(UUID invitationId, UUID organisationId, String organisationName, String email, String displayName, Set<Role> roles,
            String invitedBy, Instant expiresAt, Invitation.State state, boolean hasAccount, String problem) {
    }

    @Transactional(readOnly = true)
    public Optional<Opened> open(String rawToken) {
        return byToken(rawToken).map(i -> new Opened(i.getId(), i.getOrganisationId(), organisationName(i.getOrganisationId()), i.getEmail(),
                i.getDisplayName(), i.getRoles(), people.displayNames(i.getOrganisationId()).getOrDefault(i.getInvitedBy(), "An administrator"),
                i.getExpiresAt(), i.stateAt(clock.instant()), users.findByEmail(i.getEmail()).isPresent(), unusable(i)));
    }

    /** The person who joined, where, and whether their account was made just now (then they are signed in). */
    public record Joined(UUID userId, UUID organisationId, String organisationName, boolean newAccount) {
    }

    /**
     * Uses the link: someone new to Ratchet chooses their name and password (the usual rules); someone with an
     * account joins with it and signs in with their own password afterwards. Works once.
     */
    public Joined accept(String rawToken, String displayName, String password, String confirmation) {
        Invitation invitation = byToken(rawToken).orElseThrow(() -> Refused.notFound("Invitation"));
        requireUsable(invitation);
        User user = users.findByEmail(invitation.getEmail()).orElse(null);
        boolean created = user == null;
        if (created) {
            String name = displayName == null || displayName.isBlank() ? invitation.getDisplayName() : displayName.strip();
            if (name.length() > 120) {
                throw Refused.field("displayName", "A name can have at most 120 characters");
            }
            if (password == null || password.isEmpty()) {
                throw Refused.field("password", "Choose a password");
            }
            if (!password.equals(confirmation)) {
                throw Refused.field("confirmation", "The two passwords differ: type the same password twice");
            }
            passwordPolicy.check("password", password, invitation.getEmail(), name);
            user = users.save(new User(invitation.getEmail(), name, passwordEncoder.encode(password), clock.instant()));
        }
        User joining = user;
        Actors.as(joining, clock.instant(), () -> join(invitation, joining));
        return new Joined(user.getId(), invitation.getOrganisationId(), organisationName(invitation.getOrganisationId()), created);
    }

    /**
     * The invitations waiting for this person's answer, from their start page or the API: those sent to their address,
     * and memberships an earlier version of Ratchet offered to their account.
     */
    @Transactional(readOnly = true)
    public List<IdentityManagement.Invitation> of(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        Instant now = clock.instant();
        List<IdentityManagement.Invitation> all = new ArrayList<>(identity.invitationsOf(userId));
        invitations.findOpenByEmail(user.getEmail()).stream().filter(i -> i.stateAt(now) == Invitation.State.PENDING)
                .map(this::asInvitation).forEach(all::add);
        return all;
    }

    /** The signed-in person accepts an invitation sent to their address. */
    public IdentityManagement.Invitation accept(UUID userId, UUID invitationId) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        Optional<Invitation> sent = invitations.findById(invitationId).filter(i -> i.getEmail().equals(user.getEmail()));
        if (sent.isEmpty()) {
            return identity.acceptInvitation(userId, invitationId);
        }
        requireUsable(sent.get());
        join(sent.get(), user);
        return asInvitation(sent.get());
    }

    /** The signed-in person declines: the invitation is withdrawn, by them. */
    public void decline(UUID userId, UUID invitationId) {
        User user = users.findById(userId).orElseThrow(() -> Refused.notFound("Account"));
        Optional<Invitation> sent = invitations.findById(invitationId).filter(i -> i.getEmail().equals(user.getEmail())
                && i.stateAt(clock.instant()) == Invitation.State.PENDING);
        if (sent.isEmpty()) {
            identity.declineInvitation(userId, invitationId);
            return;
        }
        sent.get().withdraw(clock.instant());
        invitations.flush();
    }

    /**
     * Someone invited by address signs in through the organisation's provider instead of following the link: the
     * invitation is used as if they had (its roles, line manager and end of access). Whether one was waiting.
     */
    boolean joinBySingleSignOn(UUID organisationId, User user) {
        Optional<Invitation> waiting = invitations.openFor(organisationId, List.of(user.getEmail())).stream()
                .filter(i -> i.stateAt(clock.instant()) == Invitation.State.PENDING).findFirst();
        waiting.ifPresent(i -> Actors.as(user, clock.instant(), () -> join(i, user)));
        return waiting.isPresent();
    }

    private IdentityManagement.Invitation asInvitation(Invitation i) {
        return new IdentityManagement.Invitation(i.getId(), i.getOrganisationId(), organisationName(i.getOrganisationId()),
                i.getRoles(), i.getCreatedAt());
    }

    private void join(Invitation invitation, User user) {
        UUID organisationId = invitation.getOrganisationId();
        Optional<Membership> existing = memberships.findByOrganisationIdAndUserId(organisationId, user.getId());
        if (existing.isPresent()) {
            if (existing.get().isInvited()) {
                existing.get().accept();
            }
            else if (!existing.get().isActive()) {
                throw Refused.conflict("Your access to " + organisationName(organisationId)
                        + " was ended by its administrators; this invitation cannot give it back. Ask them.");
            }
        }
        else {
            UUID lineManager = invitation.getLineManagerId() != null
                    && people.memberOf(organisationId, invitation.getLineManagerId()).isPresent() ? invitation.getLineManagerId() : null;
            memberships.save(new Membership(organisationId, user.getId(), invitation.getRoles(), lineManager,
                    invitation.getAccessUntil(), clock.instant()));
        }
        invitation.accepted(user.getId(), clock.instant());
        invitations.flush();
    }

    private void requireUsable(Invitation invitation) {
        String why = unusable(invitation);
        if (why != null) {
            throw Refused.conflict(why);
        }
    }

    /** Why the invitation's link cannot be used, or null when it can. */
    private String unusable(Invitation invitation) {
        String organisation = organisationName(invitation.getOrganisationId());
        return switch (invitation.stateAt(clock.instant())) {
            case ACCEPTED -> "This invitation was used already. Sign in with your e-mail address and password; if you forgot "
                    + "the password, choose \"Forgot your password?\" on the sign-in page.";
            case WITHDRAWN -> "This invitation was withdrawn. Ask the administrator of " + organisation + " whether you should still join.";
            case EXPIRED -> "This invitation expired on " + day(invitation.getExpiresAt(), invitation.getOrganisationId())
                    + ". Ask the administrator of " + organisation + " to send it again: the new message has a new link.";
            default -> null;
        };
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private Sent mail(Invitation invitation, String token, String adminName) {
        OrganisationDetails organisation = organisations.find(invitation.getOrganisationId()).orElseThrow();
        String link = baseUrl + "/join/" + token;
        String roles = invitation.getRoles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        outbox.queue(new Outbox.Mail(organisation.id(), invitation.getEmail(),
                adminName + " invites you to " + organisation.name(),
                "Hello " + invitation.getDisplayName() + ",\n\n"
                        + adminName + " invites you to join " + organisation.name() + " in Ratchet, where "
                        + organisation.name() + " runs its information security management system.\n\n"
                        + "Your roles: " + roles + "\n"
                        + "Valid until: " + day(invitation.getExpiresAt(), organisation.id()) + " (" + dev.ratchet.mail.MailHtml.ACCOUNT_MAIL + ")\n\n"
                        + "Join " + organisation.name() + ": " + link + "\n\n"
                        + "If the link has expired, ask " + adminName + " to send the invitation again. If you did not expect "
                        + "this message, ignore it: nothing happens until the link is used.\n",
                validFor));
        boolean mailed = delivery.configured();
        return new Sent(view(invitation, people.displayNames(organisation.id())), mailed, mailed ? null : link);
    }

    private InvitationView view(Invitation i, Map<UUID, String> names) {
        return new InvitationView(i.getId(), i.getEmail(), i.getDisplayName(), i.getRoles(), i.getLineManagerId(),
                i.getLineManagerId() == null ? null : names.get(i.getLineManagerId()), i.getAccessUntil(),
                names.getOrDefault(i.getInvitedBy(), "a former member"), i.getSentAt(), i.getTimesSent(), i.getExpiresAt(),
                i.stateAt(clock.instant()), i.getVersion());
    }

    private Invitation find(UUID organisationId, UUID invitationId) {
        return invitations.findByIdAndOrganisationId(invitationId, organisationId).orElseThrow(() -> Refused.notFound("Invitation"));
    }

    private Optional<Invitation> byToken(String rawToken) {
        if (rawToken == null || rawToken.length() < 20 || rawToken.length() > 100) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(Sha256.hex(rawToken));
    }

    private String organisationName(UUID organisationId) {
        return organisations.find(organisationId).map(OrganisationDetails::name).orElse("an organisation");
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.find(organisationId).map(o -> ZoneId.of(o.timeZone())).orElse(ZoneId.of("UTC"));
    }

    private String day(Instant instant, UUID organisationId) {
        return Dates.DAY.format(instant.atZone(zone(organisationId)));
    }

    /** 256 random bits, URL-safe: the secret of a link or token, of which only a hash is kept. */
    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
