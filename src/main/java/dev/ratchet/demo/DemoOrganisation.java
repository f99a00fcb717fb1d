package dev.ratchet.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.history.HistoryManagement;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.identity.SetupForm;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.organisation.Sector;
import dev.ratchet.shared.Replay;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates Kestrel Analytics, the demo organisation: its people and 18 months of history (see {@link Story}). On the
 * first visit it is one transaction, so that a failure leaves Ratchet waiting to be set up. The colleagues get
 * accounts with random passwords nobody knows: only the person who asked for the demo signs in.
 */
@Service
public class DemoOrganisation {

    public static final String NAME = "Kestrel Analytics Ltd";
    static final String ZONE = "Europe/London";

    private final IdentityManagement identity;
    private final Services services;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HistoryManagement history;
    private final SecureRandom random = new SecureRandom();

    DemoOrganisation(IdentityManagement identity, Services services, PlatformTransactionManager transactionManager, Clock clock,
            HistoryManagement history) {
        this.history = history;
        this.identity = identity;
        this.services = services;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * The first visit, for someone who wants to look around first: they become the administrator and ISMS manager of
     * the demo organisation (whatever organisation name the form carries). Refused once anyone uses Ratchet, like the
     * ordinary set-up. One transaction: if anything fails, Ratchet is still waiting to be set up.
     */
    public UUID startInstallation(SetupForm form) {
        return transactions.execute(status -> {
            LocalDate today = today();
            form.setOrganisationName(NAME);
            UUID organisationId = replayed(today, () -> identity.setUp(form));
            UUID you = identity.principal(form.getEmail()).orElseThrow().userId();
            play(people(organisationId, you, today, "kestrel-analytics.example"), today);
            return organisationId;
        });
    }

    /**
     * A signed-in administrator adds the demo organisation beside their own, to try things without touching real data.
     * One transaction, so that a failure or a stop (kill -9) half-way leaves nothing behind. The accounts are recorded
     * in the installation's history, which everyone's account changes write to: those entries are gathered and
     * appended at the end ({@link HistoryManagement#inBulk}), so the installation's chain is locked only for the last
     * moments, not while the story plays.
     */
    public UUID addFor(UUID userId) {
        LocalDate today = today();
        return transactions.execute(status -> history.inBulk(HistoryManagement.INSTALLATION, () -> {
            UUID organisationId = replayed(today, () -> identity.createOrganisation(userId, settings(NAME)).id());
            Cast cast = people(organisationId, userId, today, freeDomain());
            play(cast, today);
            services.entities.flush();
            return organisationId;
        }));
    }

    /**
     * For benchmarks and load tests: demo organisation number {@code number}, with its own ISMS manager and colleagues
     * (addresses at kestrel-{number}.example). The ISMS manager signs in with {@code managerPassword} (none: nobody
     * knows it). Returns the organisation and its ISMS manager. Several threads may generate at once.
     */
    public Tenant generate(int number, String managerPassword) {
        LocalDate today = today();
        String domain = "kestrel-%05d.example".formatted(number);
        Cast cast = transactions.execute(status -> {
            UUID organisationId = replayed(today, () -> services.organisations.create(settings(NAME + " " + number)).id());
            UUID manager = replayed(today, () -> member(organisationId, "Priya Natarajan", domain, List.of("ADMIN", "ISMS_MANAGER"),
                    null, null, managerPassword));
            return people(organisationId, manager, today, domain);
        });
        transactions.executeWithoutResult(status -> play(cast, today));
        return cast.you().tenant();
    }

    private static <T> T replayed(LocalDate today, java.util.function.Supplier<T> work) {
        Replay.at(Story.startOf(today, ZoneId.of(ZONE)));
        try {
            return work.get();
        }
        finally {
            Replay.end();
        }
    }

    /** The people of the story: {@code you} as its ISMS manager, and the colleagues, who join on the first day. */
    private Cast people(UUID organisationId, UUID you, LocalDate today, String domain) {
        OrganisationDetails organisation = services.organisations.get(organisationId);
        Tenant tenant = identity.tenant(you, organisationId).orElseThrow();
        Person manager = new Person(organisationId, organisation.name(), you, tenant.userName(), Set.of("ADMIN", "ISMS_MANAGER"));
        return replayed(today, () -> {
            List<Person> colleagues = new ArrayList<>();
            UUID ceo = null;
            UUID cto = null;
            for (Cast.Part part : Cast.COLLEAGUES) {
                UUID lineManager = part == Cast.CEO || part == Cast.GUEST ? null
                        : part == Cast.ENGINEER || part == Cast.DEVOPS || part == Cast.SECOND_AUDITOR ? cto : ceo;
                UUID userId = member(organisationId, part.name(), domain, part.roles(), lineManager,
                        part == Cast.GUEST ? today.plusDays(60) : null, null);
                ceo = part == Cast.CEO ? userId : ceo;
                cto = part == Cast.CTO ? userId : cto;
                colleagues.add(new Person(organisationId, organisation.name(), userId, part.name(), new HashSet<>(part.roles())));
            }
            return Cast.of(manager, colleagues);
        });
    }

    /** The story is replayed quietly: its people are not told of the actions the story gives them. */
    private void play(Cast cast, LocalDate today) {
        dev.ratchet.action.Notifications.quietly(() -> {
            new Story(services, cast, new Timeline(today, ZoneId.of(ZONE), () -> {
                services.entities.flush();
                services.entities.clear();
            })).play();
            return null;
        });
    }

    /** A member of the story; without a password given, one at random that nobody knows. */
    private UUID member(UUID organisationId, String name, String domain, List<String> roles, UUID lineManager,
            LocalDate accessUntil, String password) {
        MemberForm form = new MemberForm();
        form.setDisplayName(name);
        form.setEmail(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase().replace(' ', '.') + "@" + domain);
        form.setRoles(roles.stream().map(Role::valueOf).collect(Collectors.toSet()));
        form.setLineManagerId(lineManager);
        form.setAccessUntil(accessUntil);
        String first = password;
        if (first == null) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            first = Base64.getUrlEncoder().encodeToString(secret);
        }
        return identity.addMember(organisationId, form, first).userId();
    }

    private static OrganisationSettings settings(String name) {
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName(name);
        settings.setSector(Sector.TECH_STARTUP);
        settings.setTimeZone(ZONE);
        return settings;
    }

    /** A mail domain for the colleagues that no account uses yet (the demo may be added more than once). */
    private String freeDomain() {
        for (int n = 1; ; n++) {
            String domain = n == 1 ? "kestrel-analytics.example" : "kestrel-analytics-" + n + ".example";
            if (identity.principal("daniel.okafor@" + domain).isEmpty()) {
                return domain;
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
    }
}
