package dev.ratchet.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.ratchet.identity.domain.Membership;
import dev.ratchet.identity.domain.MembershipRepository;
import dev.ratchet.identity.domain.ScimGroupRepository;
import dev.ratchet.identity.domain.SsoConnection;
import dev.ratchet.identity.domain.SsoConnectionRepository;
import dev.ratchet.identity.domain.SsoGroupRole;
import dev.ratchet.identity.domain.SsoGroupRoleRepository;
import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on through an organisation's own OpenID Connect provider. An administrator names the provider (its
 * issuer, found by discovery), the client Ratchet is registered as, the e-mail domains it covers, which provider group
 * gives which roles, whether a first sign-in makes the membership (just in time) or only invited members may come in,
 * and whether the organisation refuses password sign-in (its break-glass administrators keep theirs).
 * <p>
 * A session signed in through a provider enters that provider's organisation only: an organisation vouches for its
 * own members, never for another's. A person's roles follow the provider's groups at every sign-in (unless SCIM
 * manages the membership, or it is a break-glass account); the secret is never shown, logged or written to history.
 */
@Service
@Transactional
public class SingleSignOn {

    /** The claim that carries groups, unless the administrator names another (Entra ID: "groups" or "roles"). */
    public static final String DEFAULT_GROUPS_CLAIM = "groups";

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);

    private final SsoConnectionRepository connections;
    private final SsoGroupRoleRepository groupRoles;
    private final ScimGroupRepository scimGroups;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final IdentityManagement identity;
    private final Provisioning provisioning;
    private final Invitations invitations;
    private final OrganisationManagement organisations;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** Discovery documents by connection id and version: read once, again after every change of the connection. */
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    SingleSignOn(SsoConnectionRepository connections, SsoGroupRoleRepository groupRoles, ScimGroupRepository scimGroups,
            MembershipRepository memberships, UserRepository users, IdentityManagement identity, Provisioning provisioning,
            Invitations invitations, OrganisationManagement organisations, PasswordEncoder passwordEncoder, JdbcTemplate jdbc,
            Clock clock, org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.connections = connections;
        this.groupRoles = groupRoles;
        this.scimGroups = scimGroups;
        this.memberships = memberships;
        this.users = users;
        this.identity = identity;
        this.provisioning = provisioning;
        this.invitations = invitations;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record GroupRoles(String group, Set<Role> roles) {
    }

    /** What an administrator sets; a blank secret keeps the one saved. */
    public record Settings(String displayName, String issuer, String clientId, String clientSecret, List<String> domains,
            String groupsClaim, boolean justInTime, boolean ssoOnly, boolean enabled, Role defaultRole,
            List<GroupRoles> groups, List<UUID> breakGlassMemberIds, Long version) {
    }

    /** The connection as shown: the secret only as "set". */
    public record View(UUID id, String displayName, String issuer, String clientId, boolean secretSet, List<String> domains,
            String groupsClaim, boolean justInTime, boolean ssoOnly, boolean enabled, Role defaultRole,
            List<GroupRoles> groups, List<UUID> breakGlassMemberIds, String registrationId, Instant updatedAt, long version) {
    }

    /** The provider the sign-in page offers for an address (home-realm discovery). */
    public record Provider(String registrationId, String displayName, UUID organisationId, String organisationName, boolean ssoOnly) {
    }

    // --- the administrator's settings -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<View> connection(UUID organisationId) {
        return connections.findByOrganisationId(organisationId).map(this::view);
    }

    /**
     * Saves the connection after checking it: the issuer must answer discovery with itself as issuer, the domains must
     * be free, the roles must exist, and a sign-in by single sign-on only needs a break-glass administrator.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public View save(Tenant admin, Settings settings) {
        // Only a provider that answers may be saved: a typo found now, not when everybody is locked out. Asked before
        // the transaction, so that a slow provider holds no database connection.
        String issuer = Texts.withoutTrailingSlash(strip(settings.issuer()));
        String unreachable = null;
        if (issuerProblem(issuer) == null) {
            try {
                discover(UUID.randomUUID().toString(), issuer, "checking", "checking");
            }
            catch (Refused refused) {
                unreachable = refused.getMessage();
            }
        }
        String discoveryProblem = unreachable;
        return transactions.execute(status -> save(admin, settings, issuer, discoveryProblem));
    }

    private View save(Tenant admin, Settings settings, String issuer, String discoveryProblem) {
        UUID organisationId = admin.organisationId();
        Optional<SsoConnection> existing = connections.findByOrganisationId(organisationId);
        existing.ifPresent(c -> Refused.requireCurrentVersion(settings.version(), c.getVersion()));
        Map<String, String> problems = new LinkedHashMap<>();
        String displayName = strip(settings.displayName());
        if (displayName.isEmpty()) {
            problems.put("displayName", "Name the provider as your colleagues know it, e.g. \"Kestrel Microsoft 365\"");
        }
        else if (displayName.length() > 80) {
            problems.put("displayName", "A name can have at most 80 characters");
        }
        String issuerProblem = issuerProblem(issuer);
        if (issuerProblem != null || discoveryProblem != null) {
            problems.put("issuer", issuerProblem != null ? issuerProblem : discoveryProblem);
        }
        String clientId = strip(settings.clientId());
        if (clientId.isEmpty()) {
            problems.put("clientId", "Give the client id the provider shows for Ratchet's registration");
        }
        else if (clientId.length() > 200) {
            problems.put("clientId", "A client id can have at most 200 characters");
        }
        String secret = settings.clientSecret() == null ? "" : settings.clientSecret().strip();
        if (secret.isEmpty() && (existing.isEmpty() || existing.get().getClientSecret() == null)) {
            problems.put("clientSecret", "Give the client secret the provider made for Ratchet's registration");
        }
        else if (secret.length() > 500) {
            problems.put("clientSecret", "A client secret can have at most 500 characters");
        }
        List<String> domains = domains(organisationId, settings.domains(), problems);
        String groupsClaim = strip(settings.groupsClaim()).isEmpty() ? DEFAULT_GROUPS_CLAIM : strip(settings.groupsClaim());
        if (groupsClaim.length() > 100 || !groupsClaim.matches("[A-Za-z0-9_:./-]+")) {
            problems.put("groupsClaim", "A claim name is letters, digits and _ : . / - (e.g. groups, roles)");
        }
        Role defaultRole = settings.defaultRole() == null ? provisioning.defaultRole(organisationId) : settings.defaultRole();
        if (defaultRole == Role.ADMIN || defaultRole == Role.GUEST_AUDITOR) {
            problems.put("defaultRole", "Choose a role for people in no mapped group: not administrator, not guest auditor");
        }
        List<GroupRoles> groups = groups(settings.groups(), problems);
        Set<UUID> breakGlass = breakGlass(organisationId, settings.breakGlassMemberIds(), settings.ssoOnly(), problems);
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        LOG.info("Single sign-on of organisation {} set to issuer {} (client {})", organisationId, issuer, clientId);
        SsoConnection connection = existing.orElseGet(() -> new SsoConnection(organisationId, clock.instant()));
        connection.configure(displayName, issuer, clientId, domains, groupsClaim, settings.justInTime(), settings.ssoOnly(),
                settings.enabled(), clock.instant());
        if (!secret.isEmpty()) {
            connection.useSecret(secret);
        }
        connections.save(connection);
        jdbc.update("delete from sso_domain where organisation_id = ?", organisationId);
        for (String domain : domains) {
            jdbc.update("insert into sso_domain (domain, organisation_id) values (?, ?)", domain, organisationId);
        }
        saveGroups(organisationId, groups);
        if (settings.defaultRole() != null && settings.defaultRole() != provisioning.defaultRole(organisationId)) {
            provisioning.setDefaultRole(admin, settings.defaultRole());
        }
        for (Membership m : memberships.findByOrganisationIdAndActiveTrue(organisationId)) {
            if (m.isBreakGlass() != breakGlass.contains(m.getId())) {
                m.breakGlass(breakGlass.contains(m.getId()));
            }
        }
        connections.flush();
        forget(connection.getId());
        return view(connection);
    }

    /** Disconnects the provider: its members sign in with passwords again (or "Forgot your password?"). */
    public void remove(Tenant admin, Long version) {
        SsoConnection connection = connections.findByOrganisationId(admin.organisationId())
                .orElseThrow(() -> Refused.notFound("Single sign-on"));
        Refused.requireCurrentVersion(version, connection.getVersion());
        jdbc.update("delete from sso_domain where organisation_id = ?", admin.organisationId());
        groupRoles.deleteAll(groupRoles.findByOrganisationIdOrderByGroupName(admin.organisationId()));
        connections.delete(connection);
        connections.flush();
        forget(connection.getId());
    }

    // --- the sign-in page ----------------------------------------------------------------------------------------

    /** The provider that covers an address's domain, if its organisation uses one. */
    @Transactional(readOnly = true)
    public Optional<Provider> providerFor(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return Optional.empty();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        List<UUID> organisation = jdbc.queryForList("select organisation_id from sso_domain where domain = ?", UUID.class, domain);
        return organisation.stream().findFirst().flatMap(connections::findByOrganisationId).filter(SsoConnection::isEnabled)
                .map(c -> new Provider(c.getId().toString(), c.getDisplayName(), c.getOrganisationId(),
                        organisations.find(c.getOrganisationId()).map(o -> o.name()).orElse(""), c.isSsoOnly()));
    }

    /**
     * The client registration Spring Security signs in with, from the provider's discovery document (kept per version
     * of the connection, so every instance reads it again after a change); read outside any transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<ClientRegistration> registration(String registrationId) {
        UUID id;
        try {
            id = UUID.fromString(registrationId);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return connections.findById(id).filter(SsoConnection::isEnabled).map(c -> registrations.computeIfAbsent(
                c.getId() + "@" + c.getVersion(),
                key -> discover(c.getId().toString(), c.getIssuer(), c.getClientId(), c.getClientSecret())));
    }

    /**
     * The organisations a password (or passkey) session of this person may not enter: those that sign in by single
     * sign-on only, where the person is not one of the break-glass administrators. One query, whatever the number.
     */
    private java.util.Set<UUID> closedToPassword(UUID userId) {
        return new java.util.HashSet<>(jdbc.queryForList("""
                select m.organisation_id from membership m join sso_connection c on c.organisation_id = m.organisation_id
                where m.user_id = ? and c.sso_only = true and c.enabled = true and m.break_glass = false""", UUID.class, userId));
    }

    /**
     * Which organisations this session may enter, as one rule for the whole request (at most one statement): its
     * provider's alone, or, signed in by password or passkey, every one that does not let people in through its
     * provider only.
     */
    public java.util.function.Predicate<UUID> entryRule(RatchetPrincipal principal) {
        if (principal.singleSignOnOrganisation().isPresent()) {
            return principal.singleSignOnOrganisation().get()::equals;
        }
        java.util.Set<UUID> closed = closedToPassword(principal.userId());
        return id -> !closed.contains(id);
    }

    /** The organisations this session may enter today (the organisation menu, the start after sign-in). */
    @Transactional(readOnly = true)
    public List<dev.ratchet.organisation.OrganisationDetails> organisationsFor(RatchetPrincipal principal) {
        java.util.function.Predicate<UUID> mayEnter = entryRule(principal);
        return identity.organisationsOf(principal.userId()).stream().filter(o -> mayEnter.test(o.id())).toList();
    }

    /**
     * Whether a password or passkey would bring this person nowhere: they belong to organisations, and every one of
     * them signs in by single sign-on only. They are sent to their provider instead.
     */
    @Transactional(readOnly = true)
    public boolean onlyThroughProviders(UUID userId) {
        List<dev.ratchet.organisation.OrganisationDetails> all = identity.organisationsOf(userId);
        java.util.Set<UUID> closed = closedToPassword(userId);
        return !all.isEmpty() && all.stream().allMatch(o -> closed.contains(o.id()));
    }

    /**
     * The person the provider vouched for, as a member of its organisation: found by the provider's subject, else by
     * address (an invited or provisioned member), else made just in time where the organisation allows it. Refused,
     * with the reason the person reads, when the address is not in a covered domain, the membership has ended or was
     * never given, or the account is disabled. Roles follow the groups claim.
     */
    public RatchetPrincipal signIn(String registrationId, OidcUser person) {
        SsoConnection connection = connections.findById(UUID.fromString(registrationId)).filter(SsoConnection::isEnabled)
                .orElseThrow(() -> Refused.invalid("This organisation no longer signs in through this provider."));
        UUID organisationId = connection.getOrganisationId();
        String organisationName = organisations.find(organisationId).map(o -> o.name()).orElse("the organisation");
        String email = addressOf(person);
        if (email == null) {
            throw Refused.invalid(connection.getDisplayName() + " did not give Ratchet your e-mail address: ask your IT to "
                    + "release the email claim (or preferred_username) to Ratchet.");
        }
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (!connection.getDomains().contains(domain)) {
            throw Refused.invalid(connection.getDisplayName() + " signed you in as " + email + ", whose domain " + organisationName
                    + " has not put under single sign-on.");
        }
        if (Boolean.FALSE.equals(person.getEmailVerified())) {
            throw Refused.invalid(connection.getDisplayName() + " has not verified the address " + email + ".");
        }
        String subject = connection.getIssuer() + "|" + person.getSubject();
        Membership membership = memberships.findByOrganisationIdAndSsoSubject(organisationId, subject).orElse(null);
        User user = membership != null ? users.findById(membership.getUserId()).orElseThrow() : users.findByEmail(email).orElse(null);
        if (membership == null && user != null) {
            membership = memberships.findByOrganisationIdAndUserId(organisationId, user.getId()).orElse(null);
            if (membership != null && membership.getSsoSubject() != null) {
                throw Refused.invalid("Your membership of " + organisationName + " signs in with another account of "
                        + connection.getDisplayName() + ". Ask an administrator.");
            }
        }
        if (membership == null) {
            boolean created = user == null;
            if (created) {
                user = users.save(new User(email, nameOf(person, email), Provisioning.unusablePassword(passwordEncoder), clock.instant()));
            }
            if (invitations.joinBySingleSignOn(organisationId, user)) {
                membership = memberships.findByOrganisationIdAndUserId(organisationId, user.getId()).orElseThrow();
            }
            else if (connection.isJustInTime()) {
                membership = memberships.save(new Membership(organisationId, user.getId(),
                        Set.of(provisioning.defaultRole(organisationId)), null, null, clock.instant()));
            }
            else {
                // The account made a moment ago goes with the refusal: the transaction rolls back.
                throw Refused.invalid("You are not a member of " + organisationName + " yet: ask one of its administrators "
                        + "to invite " + email + ".");
            }
        }
        if (membership.isInvited()) {
            membership.accept();
        }
        if (!membership.grantsAccessOn(LocalDate.now(clock))) {
            throw Refused.invalid("Your access to " + organisationName + " has ended. Ask one of its administrators.");
        }
        if (!user.isEnabled()) {
            throw Refused.invalid("Your Ratchet account is disabled. Ask an administrator of " + organisationName + ".");
        }
        if (membership.getSsoSubject() == null) {
            membership.linkSso(subject);
        }
        applyRoles(connection, membership, person);
        memberships.flush();
        return new RatchetPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), null, true, false,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), organisationId);
    }

    /**
     * The roles of the provider's groups (named in the organisation's mapping, or SCIM groups of that name or id), or
     * the default role when none is mapped. Not for memberships SCIM manages (their groups decide) or break-glass
     * accounts, and never leaving the organisation without an administrator.
     */
    private void applyRoles(SsoConnection connection, Membership membership, OidcUser person) {
        List<SsoGroupRole> mapping = groupRoles.findByOrganisationIdOrderByGroupName(connection.getOrganisationId());
        if (membership.isProvisioned() || membership.isBreakGlass()) {
            return;
        }
        Set<String> claimed = groupsOf(person, connection.getGroupsClaim());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean mapped = !mapping.isEmpty();
        for (SsoGroupRole group : mapping) {
            if (claimed.contains(group.getGroupName())) {
                roles.addAll(group.getRoles());
            }
        }
        for (var group : scimGroups.findByOrganisationIdOrderByDisplayName(connection.getOrganisationId())) {
            if (!group.getRoles().isEmpty()) {
                mapped = true;
                if (claimed.contains(group.getDisplayName()) || group.getExternalId() != null && claimed.contains(group.getExternalId())) {
                    roles.addAll(group.getRoles());
                }
            }
        }
        if (!mapped) {
            return;
        }
        if (roles.isEmpty()) {
            roles.add(provisioning.defaultRole(connection.getOrganisationId()));
        }
        if (membership.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            try {
                identity.requireAnotherAdmin(connection.getOrganisationId(), membership);
            }
            catch (Refused lastAdministrator) {
                roles.add(Role.ADMIN);
            }
        }
        if (!roles.equals(membership.getRoles())) {
            membership.change(roles, membership.getLineManagerId(), membership.getAccessUntil());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private ClientRegistration discover(String registrationId, String issuer, String clientId, String secret) {
        Map<?, ?> document;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw Refused.invalid("The provider answered " + answer.statusCode() + " at " + issuer
                        + "/.well-known/openid-configuration: check the issuer URL");
            }
            document = json.readValue(answer.body(), Map.class);
        }
        catch (java.io.IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw Refused.invalid("No OpenID provider answers at " + issuer + "/.well-known/openid-configuration ("
                    + e.getClass().getSimpleName() + "): check the issuer URL");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refused.invalid("Interrupted while asking " + issuer + " for its configuration");
        }
        String said = String.valueOf(document.get("issuer"));
        if (!Texts.withoutTrailingSlash(said).equals(issuer)) {
            throw Refused.invalid("The provider at " + issuer + " calls itself " + said + ": use that issuer URL (Entra ID: "
                    + "the tenant's own, https://login.microsoftonline.com/<tenant id>/v2.0, not /common)");
        }
        for (String needed : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            if (!(document.get(needed) instanceof String)) {
                throw Refused.invalid("The provider's configuration at " + issuer + " names no " + needed);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) document;
        return ClientRegistration.withRegistrationId(registrationId)
                .clientId(clientId)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri((String) document.get("authorization_endpoint"))
                .tokenUri((String) document.get("token_endpoint"))
                .jwkSetUri((String) document.get("jwks_uri"))
                .userInfoUri(document.get("userinfo_endpoint") instanceof String u ? u : null)
                .userNameAttributeName("sub")
                .issuerUri(said)
                .providerConfigurationMetadata(metadata)
                .clientName(registrationId)
                .build();
    }

    private void forget(UUID connectionId) {
        registrations.keySet().removeIf(key -> key.startsWith(connectionId + "@"));
    }

    private static String issuerProblem(String issuer) {
        if (issuer.isEmpty()) {
            return "Give the provider's issuer URL (its discovery document is at <issuer>/.well-known/openid-configuration)";
        }
        URI uri;
        try {
            uri = URI.create(issuer);
        }
        catch (IllegalArgumentException e) {
            return "That is not a URL: e.g. https://login.microsoftonline.com/<tenant id>/v2.0";
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return "That is not a URL: e.g. https://login.microsoftonline.com/<tenant id>/v2.0";
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !(local && "http".equals(uri.getScheme()))) {
            return "A provider is reached over https (http only on this machine, for a test provider)";
        }
        return issuer.length() > 500 ? "An issuer URL can have at most 500 characters" : null;
    }

    private List<String> domains(UUID organisationId, List<String> given, Map<String, String> problems) {
        List<String> domains = new ArrayList<>();
        for (String raw : given == null ? List.<String>of() : given) {
            String domain = strip(raw).toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.isEmpty() || domains.contains(domain)) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                problems.put("domains", "\"" + domain + "\" is not an e-mail domain: write it as example.com, one a line");
                return domains;
            }
            List<UUID> owner = jdbc.queryForList("select organisation_id from sso_domain where domain = ?", UUID.class, domain);
            if (!owner.isEmpty() && !owner.get(0).equals(organisationId)) {
                problems.put("domains", domain + " is covered by another organisation's single sign-on in this Ratchet");
                return domains;
            }
            domains.add(domain);
        }
        if (domains.isEmpty() && !problems.containsKey("domains")) {
            problems.put("domains", "Name at least one e-mail domain the provider covers, e.g. example.com");
        }
        if (String.join(",", domains).length() > 2000) {
            problems.put("domains", "Too many domains for one provider (at most 2,000 characters)");
        }
        return domains;
    }

    private static List<GroupRoles> groups(List<GroupRoles> given, Map<String, String> problems) {
        Map<String, GroupRoles> byName = new LinkedHashMap<>();
        for (GroupRoles g : given == null ? List.<GroupRoles>of() : given) {
            String name = strip(g.group());
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > 200) {
                problems.put("groups", "A group name can have at most 200 characters");
            }
            else if (g.roles() == null || g.roles().isEmpty()) {
                problems.put("groups", "Give the group " + name + " at least one role, or leave it out");
            }
            else if (byName.containsKey(name)) {
                problems.put("groups", "The group " + name + " is named twice");
            }
            else {
                byName.put(name, new GroupRoles(name, EnumSet.copyOf(g.roles())));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private Set<UUID> breakGlass(UUID organisationId, List<UUID> given, boolean ssoOnly, Map<String, String> problems) {
        Set<UUID> chosen = new LinkedHashSet<>(given == null ? List.of() : given);
        Map<UUID, Membership> active = new LinkedHashMap<>();
        memberships.findByOrganisationIdAndActiveTrue(organisationId).forEach(m -> active.put(m.getId(), m));
        for (UUID id : chosen) {
            Membership m = active.get(id);
            if (m == null || !m.getRoles().contains(Role.ADMIN)) {
                problems.put("breakGlassMemberIds", "A break-glass account is an active administrator of this organisation");
                return chosen;
            }
        }
        if (ssoOnly && chosen.isEmpty()) {
            problems.put("breakGlassMemberIds", "Keep at least one administrator's password sign-in (break-glass) before "
                    + "refusing passwords: if the provider is down, they can still get in");
        }
        return chosen;
    }

    private void saveGroups(UUID organisationId, List<GroupRoles> groups) {
        Map<String, SsoGroupRole> saved = new LinkedHashMap<>();
        groupRoles.findByOrganisationIdOrderByGroupName(organisationId).forEach(g -> saved.put(g.getGroupName(), g));
        for (GroupRoles g : groups) {
            SsoGroupRole existing = saved.remove(g.group());
            if (existing == null) {
                groupRoles.save(new SsoGroupRole(organisationId, g.group(), g.roles()));
            }
            else if (!existing.getRoles().equals(g.roles())) {
                existing.grant(g.roles());
            }
        }
        groupRoles.deleteAll(saved.values());
    }

    private View view(SsoConnection c) {
        List<GroupRoles> groups = groupRoles.findByOrganisationIdOrderByGroupName(c.getOrganisationId()).stream()
                .map(g -> new GroupRoles(g.getGroupName(), g.getRoles())).toList();
        List<UUID> breakGlass = memberships.findByOrganisationIdAndActiveTrue(c.getOrganisationId()).stream()
                .filter(Membership::isBreakGlass).map(Membership::getId).toList();
        return new View(c.getId(), c.getDisplayName(), c.getIssuer(), c.getClientId(), c.getClientSecret() != null,
                c.getDomains(), c.getGroupsClaim(), c.isJustInTime(), c.isSsoOnly(), c.isEnabled(),
                provisioning.defaultRole(c.getOrganisationId()), groups, breakGlass, c.getId().toString(), c.getUpdatedAt(),
                c.getVersion());
    }

    static String addressOf(OidcUser person) {
        for (String candidate : new String[] { person.getEmail(), person.getPreferredUsername(),
                person.getClaimAsString("upn") }) {
            if (candidate != null && candidate.indexOf('@') > 0) {
                return User.normaliseEmail(candidate);
            }
        }
        return null;
    }

    private static String nameOf(OidcUser person, String email) {
        String name = person.getFullName();
        if (name == null || name.isBlank()) {
            name = String.join(" ", List.of(person.getGivenName() == null ? "" : person.getGivenName(),
                    person.getFamilyName() == null ? "" : person.getFamilyName())).strip();
        }
        if (name.isBlank()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static Set<String> groupsOf(OidcUser person, String claim) {
        Object value = person.getClaims().get(claim);
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.forEach(g -> groups.add(String.valueOf(g)));
        }
        else if (value instanceof String one) {
            for (String g : one.split(",")) {
                groups.add(g.strip());
            }
        }
        // Keycloak sends "/parent/child" when full paths are on: the last part counts as well.
        new ArrayList<>(groups).stream().filter(g -> g.startsWith("/")).forEach(g -> groups.add(g.substring(g.lastIndexOf('/') + 1)));
        return groups;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
