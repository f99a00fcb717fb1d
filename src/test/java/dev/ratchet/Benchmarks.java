package dev.ratchet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.MemberForm;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks share: Ratchet started without a web server, and a fresh organisation with an ISMS manager. */
public final class Benchmarks {

    /** An organisation made for a benchmark, and the ISMS manager who raises its records. */
    public record Organisation(UUID id, UUID managerId) {
    }

    private Benchmarks() {
    }

    /** Starts Ratchet; args after the first (the size) are an optional JDBC URL, user and password (default: in-memory H2). */
    public static ConfigurableApplicationContext start(String[] args) {
        List<String> properties = new ArrayList<>(List.of("--spring.profiles.active=test", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (args.length > 1) {
            properties.add("--spring.datasource.url=" + args[1]);
            properties.add("--spring.datasource.username=" + (args.length > 2 ? args[2] : ""));
            properties.add("--spring.datasource.password=" + (args.length > 3 ? args[3] : ""));
        }
        return new SpringApplicationBuilder(RatchetApplication.class).web(WebApplicationType.NONE).run(properties.toArray(String[]::new));
    }

    public static int size(String[] args) {
        return args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    }

    /**
     * Demo organisation number {@code number} (Kestrel Analytics and its 18 months, see DemoOrganisation), with
     * {@code records} more improvement records written in bulk: the organisation benchmarks measure.
     */
    public static Organisation demo(ConfigurableApplicationContext context, int number, int records) {
        return demo(context, number, records, null);
    }

    /** The same, with the password its ISMS manager signs in with (null: nobody knows it). */
    public static Organisation demo(ConfigurableApplicationContext context, int number, int records, String managerPassword) {
        dev.ratchet.shared.Tenant manager = context.getBean(dev.ratchet.demo.DemoOrganisation.class).generate(number, managerPassword);
        if (records > 0) {
            new dev.ratchet.improvement.RegisterGenerator(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), number)
                    .generate(manager.organisationId(), manager.userId(), records);
        }
        return new Organisation(manager.organisationId(), manager.userId());
    }

    public static Organisation organisation(ConfigurableApplicationContext context) {
        OrganisationSettings settings = new OrganisationSettings();
        settings.setName("Benchmark " + UUID.randomUUID().toString().substring(0, 8));
        UUID organisationId = context.getBean(OrganisationManagement.class).create(settings).id();
        MemberForm member = new MemberForm();
        member.setEmail("bench." + UUID.randomUUID() + "@example.com");
        member.setDisplayName("Bench Person");
        member.setRoles(Set.of(Role.ISMS_MANAGER));
        return new Organisation(organisationId, context.getBean(IdentityManagement.class).addMember(organisationId, member, dev.ratchet.TestOrganisation.PASSWORD).userId());
    }
}
