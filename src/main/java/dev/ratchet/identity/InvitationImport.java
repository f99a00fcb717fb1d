package dev.ratchet.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.CsvImport;
import dev.ratchet.tabular.Importer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations from a CSV or XLSX file (name, e-mail, roles, line manager, last day of access): every row is checked
 * as a single invitation is, and either everyone is invited or nobody.
 */
@Component
public class InvitationImport implements Importer<MemberForm> {

    static final List<CsvImport.Field> FIELDS = List.of(
            CsvImport.Field.required("Name", "The person's name, as colleagues know them"),
            CsvImport.Field.required("E-mail", "Where the invitation goes").alias("Email", "E-mail address"),
            CsvImport.Field.required("Roles", "One or more of " + String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::label).toList())
                    + ", separated by ; or |").alias("Role"),
            CsvImport.Field.optional("Line manager", "The e-mail address or name of a member; escalations go there"),
            CsvImport.Field.optional("Last day of access", "Required for guest auditors; a date like 2026-12-31"));

    private static final Map<String, String> COLUMNS = Map.of("email", "E-mail", "displayName", "Name", "roles", "Roles",
            "lineManagerId", "Line manager", "accessUntil", "Last day of access");

    private final Invitations invitations;
    private final PeopleDirectory people;
    private final OrganisationManagement organisations;

    InvitationImport(Invitations invitations, PeopleDirectory people, OrganisationManagement organisations) {
        this.invitations = invitations;
        this.people = people;
        this.organisations = organisations;
    }

    @Override
    public String register() {
        return "invitations";
    }

    @Override
    public List<CsvImport.Field> fields() {
        return FIELDS;
    }

    @Override
    @Transactional(readOnly = true)
    public CsvImport.Result<MemberForm> check(Tenant tenant, byte[] content) {
        requireAdmin(tenant);
        List<People.Person> members = people.activeMembersOf(tenant.organisationId());
        ZoneId zone = organisations.find(tenant.organisationId()).map(OrganisationDetails::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        List<Long> rowNumbers = new ArrayList<>();
        CsvImport.Result<MemberForm> read;
        try {
            read = CsvImport.read(new ByteArrayInputStream(content), FIELDS, 2000, zone, row -> {
                MemberForm form = new MemberForm();
                form.setDisplayName(row.text("Name", 120));
                form.setEmail(row.text("E-mail", 254));
                form.setRoles(roles(row));
                String manager = row.text("Line manager", 254);
                if (manager != null && !manager.isBlank()) {
                    String wanted = manager.strip().toLowerCase(Locale.ROOT);
                    List<People.Person> matches = members.stream().filter(p -> p.email().equalsIgnoreCase(wanted)
                            || p.displayName().toLowerCase(Locale.ROOT).equals(wanted)).toList();
                    if (matches.size() == 1) {
                        form.setLineManagerId(matches.get(0).userId());
                    }
                    else {
                        row.problem("Line manager", matches.isEmpty() ? "No active member is called or has the address " + manager.strip()
                                : "Several members are called " + manager.strip() + ": give the e-mail address");
                    }
                }
                form.setAccessUntil(row.date("Last day of access"));
                if (row.failed()) {
                    return null;
                }
                rowNumbers.add(row.number());
                return form;
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.ok() || read.rows().isEmpty()) {
            return read;
        }
        List<CsvImport.Problem> problems = new ArrayList<>();
        invitations.problems(tenant.organisationId(), read.rows()).forEach((index, fields) -> fields.forEach((field, message) ->
                problems.add(new CsvImport.Problem(rowNumbers.get(index), COLUMNS.getOrDefault(field, ""), message))));
        return problems.isEmpty() ? read : new CsvImport.Result<>(List.of(), problems, read.rowCount(), read.notices());
    }

    @Override
    public int write(Tenant tenant, List<MemberForm> rows) {
        return invitations.inviteAll(tenant, rows).size();
    }

    private static Set<Role> roles(CsvImport.Row row) {
        String text = row.text("Roles", 300);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text == null) {
            return roles;
        }
        for (String part : text.split("[;|,]")) {
            String wanted = normal(part);
            if (wanted.isEmpty()) {
                continue;
            }
            Role role = java.util.Arrays.stream(Role.values())
                    .filter(r -> normal(r.name()).equals(wanted) || normal(r.label()).equals(wanted)).findFirst().orElse(null);
            if (role == null) {
                row.problem("Roles", "\"" + part.strip() + "\" is not a role: use " + String.join(", ",
                        java.util.Arrays.stream(Role.values()).map(Role::label).toList()));
            }
            else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static void requireAdmin(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN")) {
            throw new AccessDeniedException("Administrators invite people");
        }
    }
}
