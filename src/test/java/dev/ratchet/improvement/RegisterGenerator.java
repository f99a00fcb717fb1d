package dev.ratchet.improvement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.ratchet.improvement.domain.Terms;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an organisation's register with plausible records, fast (batched SQL, no history), for benchmarks. The
 * same seed gives the same register. Meant to grow into the demo organisation's data.
 */
public final class RegisterGenerator {

    static final String[] SUBJECTS = { "VPN account", "leaver account", "backup job", "restore test", "visitor badge",
            "firewall rule", "laptop encryption", "access review", "supplier contract", "incident report",
            "password policy", "patch", "server room door", "clear desk", "phishing training", "MFA enrolment",
            "log retention", "vulnerability scan", "change request", "risk register", "asset inventory",
            "data classification label", "cloud storage bucket", "admin privilege", "code review", "penetration test",
            "business continuity plan", "NDA", "screen lock", "USB stick", "CCTV recording", "key management",
            "shared mailbox", "service account", "test data", "DPIA", "cookie banner", "vendor assessment",
            "awareness briefing", "remote working agreement" };
    static final String[] PROBLEMS = { "not disabled after leaving", "missing for the quarter", "older than policy allows",
            "not approved", "not reviewed on time", "left unattended", "without an owner", "not documented",
            "failed without alert", "shared between staff", "outside the agreed scope", "not encrypted",
            "granted without ticket", "never tested", "expired", "not signed", "incomplete", "bypassed" };
    static final String[] PLACES = { "in finance", "in the Leeds office", "for contractors", "in production",
            "in the HR system", "on the sales laptops", "in the data centre", "for the payroll supplier",
            "in the customer portal", "in engineering", "at reception", "in marketing" };
    static final String[] SYSTEMS = { "srv", "db", "vpn", "fw", "lap", "wks", "app", "k8s", "nas", "mail" };
    static final String[] NAMES = { "Abbott", "Baker", "Chen", "Diallo", "Evans", "Fischer", "Garcia", "Haddad",
            "Ivanova", "Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi",
            "Silva", "Tanaka", "Ueda", "Varga", "Wright", "Xu", "Yilmaz", "Zhang", "Andersen", "Bianchi", "Costa",
            "Dubois", "Eriksen", "Fernandes", "Gupta", "Horvat", "Ibrahim", "Jovanovic", "Kim", "Larsen", "Moreau",
            "Novak", "Olsen", "Petrov", "Rahman", "Schmidt", "Torres", "Weber", "Young", "Ziegler" };
    static final String[] REQUIREMENTS = { "A.5.15", "A.5.18", "A.8.13", "A.7.2", "A.8.8", "A.5.19", "A.6.3", "A.8.5",
            "A.8.15", "A.5.24", "A.7.7", "A.8.24", "A.5.12", "A.8.32", "9.2.2", "7.5.3", "6.1.2", "10.2" };

    static final String[] SOURCES = { "INTERNAL_AUDIT", "INTERNAL_AUDIT", "INCIDENT", "CERTIFICATION_AUDIT", "CHANGE",
            "OBJECTIVE_REVIEW", "FEEDBACK", "POLICY_COMPLIANCE", "MANAGEMENT_REVIEW", "CLIENT_AUDIT", "LEGAL_CHANGE" };

    private final JdbcTemplate jdbc;
    private final Random random;
    private final List<Object[]> actions = new ArrayList<>();
    private final List<Object[]> reviews = new ArrayList<>();

    public RegisterGenerator(JdbcTemplate jdbc, long seed) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    public String text() {
        return pick(SUBJECTS) + " " + pick(PROBLEMS) + " " + pick(PLACES);
    }

    /** What a real description adds: the system, the person who noticed, a ticket. */
    public String detail() {
        return "on " + pick(SYSTEMS) + "-" + (1 + random.nextInt(400)) + ", noticed by " + pick(NAMES) + " (ticket SR-"
                + (10000 + random.nextInt(90000)) + ")";
    }

    public String requirement() {
        return "iso27001-2022:" + pick(REQUIREMENTS);
    }

    /** Adds {@code count} records raised over the last three years, in batches of a thousand. */
    public void generate(UUID organisationId, UUID raisedBy, int count) {
        Instant now = Instant.now();
        List<Object[]> records = new ArrayList<>();
        List<Object[]> requirements = new ArrayList<>();
        List<Object[]> terms = new ArrayList<>();
        actions.clear();
        reviews.clear();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 1; i <= count; i++) {
            UUID id = UUID.randomUUID();
            boolean nc = random.nextInt(4) != 0;
            String title = text();
            String description = "Found that the " + text() + " " + detail() + ".";
            String requirement = requirement();
            Instant raised = now.minus(random.nextInt(3 * 365), ChronoUnit.DAYS);
            boolean closed = random.nextInt(3) == 0;
            String status = closed ? "CLOSED" : nc ? "ANALYSED" : "EVALUATED";
            Instant closedAt = closed ? raised.plus(5 + random.nextInt(120), ChronoUnit.DAYS) : null;
            if (closedAt != null && closedAt.isAfter(now)) {
                closedAt = now;
            }
            java.time.LocalDate target = java.time.LocalDate.ofInstant(raised, java.time.ZoneOffset.UTC).plusDays(30 + random.nextInt(90));
            records.add(new Object[] { id, organisationId, nc ? "NONCONFORMITY" : "OPPORTUNITY",
                    (nc ? "NC-G-" : "OFI-G-") + i, title, description, pick(SOURCES), nc ? (random.nextInt(5) == 0 ? "MAJOR" : "MINOR") : null,
                    status, raisedBy, Timestamp.from(raised), requirement, java.sql.Date.valueOf(target),
                    closedAt == null ? null : Timestamp.from(closedAt) });
            if (!closed && nc) {
                java.time.LocalDate planned = target.minusDays(random.nextInt(20));
                java.time.LocalDate due = random.nextInt(4) == 0 ? planned.plusDays(14 + random.nextInt(30)) : planned;
                actions.add(new Object[] { UUID.randomUUID(), organisationId, id, (nc ? "NC-G-" : "OFI-G-") + i,
                        "Correct: " + title, raisedBy, java.sql.Date.valueOf(due), java.sql.Date.valueOf(planned), Timestamp.from(raised) });
            }
            if (closed && nc) {
                reviews.add(new Object[] { UUID.randomUUID(), organisationId, id, raisedBy, random.nextInt(5) != 0, Timestamp.from(closedAt) });
            }
            requirements.add(new Object[] { id, requirement });
            for (String term : Terms.of(title, description, List.of(requirement), null)) {
                terms.add(new Object[] { organisationId, term, id });
                counts.merge(term, 1, Integer::sum);
            }
            if (i % 1000 == 0 || i == count) {
                flush(records, requirements, terms);
            }
        }
        counts.merge("#", count, Integer::sum);
        // Added to whatever the organisation's counts were (a fresh organisation has none).
        jdbc.batchUpdate("insert into improvement_term_stat (organisation_id, term, records) values (?, ?, 0) on conflict do nothing",
                counts.keySet().stream().map(t -> new Object[] { organisationId, t }).toList());
        jdbc.batchUpdate("update improvement_term_stat set records = records + ? where organisation_id = ? and term = ?",
                counts.entrySet().stream().map(e -> new Object[] { e.getValue(), organisationId, e.getKey() }).toList());
    }

    private void flush(List<Object[]> records, List<Object[]> requirements, List<Object[]> terms) {
        jdbc.batchUpdate("""
                insert into improvement_record (id, organisation_id, kind, reference, title, description, source, grade,
                    status, raised_by, raised_at, requirements, target_date, closed_at, attempt, effectiveness_questioned, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, false, 0)""", records);
        jdbc.batchUpdate("""
                insert into action_item (id, organisation_id, origin_type, origin_id, origin_reference, attempt, title, owner_id,
                    due_date, original_due_date, success_criteria, status, created_at, due_date_changes, version)
                values (?, ?, 'IMPROVEMENT', ?, ?, 1, ?, ?, ?, ?, 'The fix is verified', 'OPEN', ?, 0, 0)""", actions);
        jdbc.batchUpdate("""
                insert into effectiveness_review (id, organisation_id, record_id, attempt, reviewer_id, method, evidence, effective,
                    reviewed_at, version)
                values (?, ?, ?, 1, ?, 'Sample of records', 'Checked', ?, ?, 0)""", reviews);
        actions.clear();
        reviews.clear();
        jdbc.batchUpdate("insert into improvement_requirement (record_id, requirement) values (?, ?)", requirements);
        jdbc.batchUpdate("insert into improvement_term (organisation_id, term, record_id) values (?, ?, ?)", terms);
        records.clear();
        requirements.clear();
        terms.clear();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
