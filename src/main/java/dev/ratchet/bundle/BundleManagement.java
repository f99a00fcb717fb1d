package dev.ratchet.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.AuditProgrammeDocuments;
import dev.ratchet.audit.AuditReports;
import dev.ratchet.audit.AuditSummary;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import dev.ratchet.improvement.ImprovementDocuments;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.policy.PolicyDocuments;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.policy.PolicyViews;
import dev.ratchet.policy.VersionStatus;
import dev.ratchet.review.ReviewDocuments;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewStatus;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence bundles: the documents of a period, and every register as a spreadsheet (each module's {@link RegisterSheet}),
 * gathered into one ZIP with a manifest of SHA-256 hashes, built in the
 * background (two at a time) with its progress recorded step by step, as the person who asked for it may see them.
 */
@Service
public class BundleManagement {

    /** A bundle without its content, as {@link #view} reads it. */
    private static final String SELECT = "select id, period_from, period_to, status, step, done, total, size_bytes, sha256, error,"
            + " requested_by, requested_at, finished_at, framework from evidence_bundle where organisation_id = ?";

    private static final Logger LOG = LoggerFactory.getLogger(BundleManagement.class);
    private static final int PER_ORGANISATION = 2;
    private static final int PER_PERSON_PER_DAY = 10;

    private final JdbcTemplate jdbc;
    private final AuditManagement audits;
    private final AuditReports auditReports;
    private final AuditProgrammeDocuments programmes;
    private final ImprovementManagement improvements;
    private final ImprovementDocuments recordDocuments;
    private final EvidenceManagement evidence;
    private final ReviewManagement reviews;
    private final ReviewDocuments reviewDocuments;
    private final PolicyManagement policies;
    private final PolicyDocuments policyDocuments;
    private final List<RegisterSheet> sheets;
    private final org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.BundleDocuments> documents;
    private final HistoryManagement history;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;
    private final java.time.Duration retention;
    private final FrameworkEvidence frameworkEvidence;
    private final dev.ratchet.catalogue.FrameworkScopes scopes;
    private final dev.ratchet.document.PdfDocuments pdf;
    /** A bundle not heard of for this long (ratchet.bundles.silent) is taken to have died with its instance. */
    private final java.time.Duration silent;
    private final ExecutorService builders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "evidence-bundle");
        thread.setDaemon(true);
        return thread;
    });

    BundleManagement(JdbcTemplate jdbc, AuditManagement audits, AuditReports auditReports, ReviewManagement reviews,
            ReviewDocuments reviewDocuments, PolicyManagement policies, PolicyDocuments policyDocuments, List<RegisterSheet> sheets,
            org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.BundleDocuments> documents,
            HistoryManagement history, OrganisationManagement organisations, People people, Clock clock,
            AuditProgrammeDocuments programmes, ImprovementManagement improvements, ImprovementDocuments recordDocuments,
            EvidenceManagement evidence, FrameworkEvidence frameworkEvidence, dev.ratchet.catalogue.FrameworkScopes scopes,
            dev.ratchet.document.PdfDocuments pdf,
            @org.springframework.beans.factory.annotation.Value("${ratchet.bundles.retention:P30D}") java.time.Duration retention,
            @org.springframework.beans.factory.annotation.Value("${ratchet.bundles.silent:PT2M}") java.time.Duration silent) {
        this.frameworkEvidence = frameworkEvidence;
        this.scopes = scopes;
        this.pdf = pdf;
        this.retention = retention;
        this.silent = silent;
        this.programmes = programmes;
        this.improvements = improvements;
        this.recordDocuments = recordDocuments;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.audits = audits;
        this.auditReports = auditReports;
        this.reviews = reviews;
        this.reviewDocuments = reviewDocuments;
        this.policies = policies;
        this.policyDocuments = policyDocuments;
        this.documents = documents;
        this.sheets = sheets.stream().sorted(java.util.Comparator.comparing(RegisterSheet::fileName)).toList();
        this.history = history;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    /**
     * Bundles are kept for the retention period (ratchet.bundles.retention, 30 days by default), then their content is
     * deleted and they show as expired: the documents stay in Ratchet, and a new bundle is made in minutes.
     */
    @Transactional
    public int expire(UUID organisationId) {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        return jdbc.update("update evidence_bundle set status = 'EXPIRED', step = ?, content = null where organisation_id = ?"
                + " and status = 'READY' and finished_at < ?", "Expired after " + retention.toDays() + " days: ask for a new one",
                organisationId, before);
    }

    /** Every organisation's bundles past the retention period, for the hourly sweep. */
    @Transactional
    public int expireAll() {
        return jdbc.update("update evidence_bundle set status = 'EXPIRED', step = ?, content = null where status = 'READY' and finished_at < ?",
                "Expired after " + retention.toDays() + " days: ask for a new one", Timestamp.from(clock.instant().minus(retention)));
    }

    @PreDestroy
    void stop() {
        builders.shutdownNow();
    }

    /** Asks for a bundle of the period; it is built once this transaction commits. */
    @Transactional
    public BundleView request(Tenant tenant, BundleForm form) {
        if (form.getTo().isBefore(form.getFrom())) {
            throw Refused.field("to", "The period ends after it starts");
        }
        if (form.getFrom().isBefore(form.getTo().minusYears(3))) {
            throw Refused.field("from", "A bundle covers at most three years (the certification cycle)");
        }
        String framework = form.getFramework() == null || form.getFramework().isBlank() ? null : form.getFramework().strip();
        if (framework != null && !scopes.ids(tenant.organisationId()).contains(framework)) {
            throw Refused.field("framework", "Choose one of the frameworks in scope (Settings, Frameworks)");
        }
        expire(tenant.organisationId());
        // Bundles are built on two threads shared by every organisation: one at a time per person, two per organisation,
        // and a day's requests per person bounded, so that nobody can fill the queue or the database.
        Integer mine = jdbc.queryForObject("select count(*) from evidence_bundle where organisation_id = ? and requested_by = ?"
                + " and status in ('QUEUED', 'RUNNING')", Integer.class, tenant.organisationId(), tenant.userId());
        if (mine != null && mine > 0) {
            throw Refused.tooMany("Your last bundle is still being put together: download it when it is ready, then ask for the next.",
                    java.time.Duration.ofMinutes(1));
        }
        Integer building = jdbc.queryForObject("select count(*) from evidence_bundle where organisation_id = ? and status in ('QUEUED', 'RUNNING')",
                Integer.class, tenant.organisationId());
        if (building != null && building >= PER_ORGANISATION) {
            throw Refused.tooMany("Two bundles of this organisation are being put together already: try again in a few minutes.",
                    java.time.Duration.ofMinutes(2));
        }
        Integer today = jdbc.queryForObject("select count(*) from evidence_bundle where organisation_id = ? and requested_by = ? and requested_at > ?",
                Integer.class, tenant.organisationId(), tenant.userId(), Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1))));
        if (today != null && today >= PER_PERSON_PER_DAY) {
            throw Refused.tooMany("You asked for " + PER_PERSON_PER_DAY + " bundles in the last 24 hours: download those, or ask again tomorrow.",
                    java.time.Duration.ofHours(1));
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into evidence_bundle (id, organisation_id, period_from, period_to, status, step, done, total, requested_by, requested_at,"
                + " heartbeat_at, attempts, requested_roles, framework) values (?, ?, ?, ?, 'QUEUED', 'Waiting to start', 0, 0, ?, ?, ?, 0, ?, ?)", id,
                tenant.organisationId(), java.sql.Date.valueOf(form.getFrom()), java.sql.Date.valueOf(form.getTo()), tenant.userId(),
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), String.join(",", new java.util.TreeSet<>(tenant.roles())), framework);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                builders.execute(() -> claimAndBuild(id, true));
            }
        });
        return get(tenant.organisationId(), id);
    }

    static final int ATTEMPTS = 3;

    /**
     * Bundles whose instance stopped while building them (kill -9, a restart, a lost machine) stop beating: every
     * half minute and at start-up, any instance takes them up again and builds them from the start.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${ratchet.bundles.sweep:PT30S}",
            initialDelayString = "${ratchet.bundles.sweep:PT30S}")
    public void resumeStopped() {
        jdbc.queryForList("select id from evidence_bundle where status in ('QUEUED', 'RUNNING') and heartbeat_at < ? order by requested_at",
                UUID.class, Timestamp.from(clock.instant().minus(silent))).forEach(id -> builders.execute(() -> claimAndBuild(id, false)));
    }

    /**
     * Claims the bundle (a conditional update: one instance only) and builds it. {@code fresh}: just asked for, on the
     * instance that queued it; otherwise only when it stopped beating.
     */
    void claimAndBuild(UUID id, boolean fresh) {
        java.time.Instant now = clock.instant();
        int claimed = jdbc.update("update evidence_bundle set status = 'RUNNING', attempts = attempts + 1, heartbeat_at = ?,"
                + " step = case when attempts > 0 then 'Started again after Ratchet stopped' else 'Starting' end"
                + " where id = ? and status in ('QUEUED', 'RUNNING') and " + (fresh ? "status = 'QUEUED'" : "heartbeat_at < ?"),
                fresh ? new Object[] { Timestamp.from(now), id } : new Object[] { Timestamp.from(now), id, Timestamp.from(now.minus(silent)) });
        if (claimed == 0) {
            return; // another instance has it, or it is finished
        }
        Map<String, Object> row = jdbc.queryForMap("select organisation_id, period_from, period_to, requested_by, requested_roles, attempts,"
                + " framework from evidence_bundle where id = ?", id);
        UUID organisationId = (UUID) row.get("organisation_id");
        UUID requestedBy = (UUID) row.get("requested_by");
        if (((Number) row.get("attempts")).intValue() > ATTEMPTS) {
            fail(id, "Ratchet stopped " + ATTEMPTS + " times while putting this bundle together: ask for a new one, or a shorter period");
            return;
        }
        var person = people.memberOf(organisationId, requestedBy);
        if (person.isEmpty()) {
            fail(id, "The person who asked for it is no longer a member of the organisation");
            return;
        }
        String roles = (String) row.get("requested_roles");
        Tenant tenant = new Tenant(organisationId, organisations.get(organisationId).name(), requestedBy, person.get().displayName(),
                roles == null || roles.isBlank() ? java.util.Set.of("AUDITOR") : java.util.Set.of(roles.split(",")));
        build(tenant, id, ((java.sql.Date) row.get("period_from")).toLocalDate(), ((java.sql.Date) row.get("period_to")).toLocalDate(),
                (String) row.get("framework"));
    }

    private void fail(UUID id, String reason) {
        jdbc.update("update evidence_bundle set status = 'FAILED', step = 'Failed', error = ?, finished_at = ? where id = ?",
                truncate(reason, 2000), Timestamp.from(clock.instant()), id);
    }

    @Transactional(readOnly = true)
    public List<BundleView> list(UUID organisationId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return jdbc.query(SELECT + " order by requested_at desc fetch first 50 rows only",
                (rs, i) -> view(rs, names), organisationId);
    }

    @Transactional(readOnly = true)
    public BundleView get(UUID organisationId, UUID id) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return jdbc.query(SELECT + " and id = ?", (rs, i) -> view(rs, names), organisationId, id)
                .stream().findFirst().orElseThrow(() -> Refused.notFound("Evidence bundle"));
    }

    /** The ZIP of a ready bundle. */
    @Transactional(readOnly = true)
    public byte[] content(UUID organisationId, UUID id) {
        BundleView bundle = get(organisationId, id);
        if (!bundle.ready()) {
            throw Refused.conflict("The bundle is not ready yet: " + bundle.step());
        }
        return jdbc.queryForObject("select content from evidence_bundle where id = ?", byte[].class, id);
    }

    private static BundleView view(java.sql.ResultSet rs, Map<UUID, String> names) throws java.sql.SQLException {
        UUID by = rs.getObject("requested_by", UUID.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        long size = rs.getLong("size_bytes");
        return new BundleView(rs.getObject("id", UUID.class), rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                rs.getString("status"), rs.getString("step"), rs.getInt("done"), rs.getInt("total"), rs.wasNull() ? null : size,
                rs.getString("sha256"), rs.getString("error"), names.getOrDefault(by, "(former member)"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("framework"));
    }

    // --- building ------------------------------------------------------------------------------------------------

    private record Part(String path, String step, Supplier<byte[]> content) {
    }

    void build(Tenant tenant, UUID id, LocalDate from, LocalDate to, String framework) {
        try {
            List<Part> parts = parts(tenant, from, to, framework);
            jdbc.update("update evidence_bundle set status = 'RUNNING', total = ?, step = ?, heartbeat_at = ? where id = ?", parts.size() + 1,
                    "Gathering " + parts.size() + " documents", Timestamp.from(clock.instant()), id);
            Map<String, byte[]> files = new LinkedHashMap<>();
            int done = 0;
            for (Part part : parts) {
                jdbc.update("update evidence_bundle set step = ?, done = ?, heartbeat_at = ? where id = ?", part.step(), done,
                        Timestamp.from(clock.instant()), id);
                files.put(part.path(), part.content().get());
                done++;
            }
            jdbc.update("update evidence_bundle set step = 'Writing the ZIP and its manifest', done = ?, heartbeat_at = ? where id = ?", done,
                    Timestamp.from(clock.instant()), id);
            byte[] zip = zip(tenant, from, to, framework, files);
            jdbc.update("update evidence_bundle set status = 'READY', step = 'Ready', done = total, content = ?, size_bytes = ?, sha256 = ?,"
                    + " finished_at = ? where id = ?", zip, zip.length, Sha256.hex(zip), Timestamp.from(clock.instant()), id);
        }
        catch (RuntimeException e) {
            LOG.warn("Evidence bundle {} failed", id, e);
            fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Every document of the period, as the requester may see it. Built for a framework, the bundle opens with that
     * framework's evidence table, and keeps of the audit reports and records only those the table names.
     */
    private List<Part> parts(Tenant tenant, LocalDate from, LocalDate to, String framework) {
        UUID org = tenant.organisationId();
        List<Part> parts = new ArrayList<>();
        FrameworkEvidence.Table table = framework == null ? null : frameworkEvidence.of(org, framework, from, to);
        if (table != null) {
            String name = "framework/" + framework + " evidence " + from + " to " + to;
            parts.add(new Part(name + ".pdf", "Evidence table of " + framework, () -> table.outline().pdf(pdf)));
            parts.add(new Part(name + ".xlsx", "Evidence table of " + framework + " (Excel)", () -> table.outline().xlsx()));
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            int y = year;
            String name = "audits/" + AuditProgrammeDocuments.fileName(y);
            parts.add(new Part(name + ".pdf", "Audit programme " + y, () -> programmes.pdf(org, y)));
            parts.add(new Part(name + ".docx", "Audit programme " + y + " (Word)", () -> programmes.docx(org, y)));
            parts.add(new Part(name + ".xlsx", "Audit programme " + y + " (Excel)", () -> programmes.xlsx(org, y)));
        }
        for (AuditSummary audit : audits.reportedBetween(org, from, to).stream()
                .filter(a -> table == null || table.audits().contains(a.id())).toList()) {
            parts.add(new Part("audits/" + audit.reference() + " audit report.pdf", "Audit report " + audit.reference(),
                    () -> auditReports.pdf(org, audit.id())));
            parts.add(new Part("audits/" + audit.reference() + " audit report.docx", "Audit report " + audit.reference() + " (Word)",
                    () -> auditReports.docx(org, audit.id())));
        }
        for (var r : reviews.schedule(org).reviews()) {
            if (r.plannedDate().isBefore(from) || r.plannedDate().isAfter(to)) {
                continue;
            }
            if (r.status() != ReviewStatus.PLANNED) {
                parts.add(new Part("management-reviews/" + r.reference() + " input pack (frozen).pdf", "Input pack of " + r.reference(),
                        () -> reviewDocuments.pdf(tenant, r.id(), false).getBody()));
            }
            if (r.status() == ReviewStatus.APPROVED) {
                parts.add(new Part("management-reviews/" + r.reference() + " minutes.pdf", "Minutes of " + r.reference(),
                        () -> reviewDocuments.pdf(tenant, r.id(), true).getBody()));
                parts.add(new Part("management-reviews/" + r.reference() + " minutes.docx", "Minutes of " + r.reference() + " (Word)",
                        () -> reviewDocuments.docx(tenant, r.id()).getBody()));
            }
        }
        for (ImprovementView.Link record : improvements.activeBetween(org, from, to).stream()
                .filter(r -> table == null || table.records().contains(r.id())).toList()) {
            parts.add(new Part("records/" + record.reference() + " record.pdf", "Record document " + record.reference(),
                    () -> recordDocuments.pdfBytes(tenant, record.id())));
            java.util.Set<String> names = new java.util.HashSet<>();
            for (EvidenceView file : evidence.of(org, record.id())) {
                String fileName = unique(safe(file.fileName()), names);
                parts.add(new Part("records/" + record.reference() + " evidence/" + fileName, "Evidence of " + record.reference(),
                        () -> evidence.download(tenant, file.id()).content()));
            }
        }
        java.time.Instant periodEnd = to.plusDays(1).atStartOfDay(ZoneId.of(organisations.get(org).timeZone())).toInstant();
        for (PolicyViews.Summary summary : policies.search(org, PageRequest.of(0, 500, Sort.by("reference"))).getContent()) {
            for (PolicyViews.Version version : policies.get(tenant, summary.id()).versions()) {
                if ((version.status() == VersionStatus.APPROVED || version.status() == VersionStatus.SUPERSEDED)
                        && version.approvedAt() != null && version.approvedAt().isBefore(periodEnd)) {
                    String name = "policies/" + summary.reference() + " " + safe(summary.title()) + " v" + version.number()
                            + (version.status() == VersionStatus.SUPERSEDED ? " (superseded)" : "");
                    String step = "Policy " + summary.reference() + " v" + version.number();
                    parts.add(new Part(name + ".pdf", step, () -> policyDocuments.pdf(tenant, summary.id(), version.id()).getBody()));
                    parts.add(new Part(name + ".docx", step + " (Word)", () -> policyDocuments.docx(tenant, summary.id(), version.id()).getBody()));
                }
            }
        }
        for (RegisterSheet sheet : sheets) {
            parts.add(new Part("registers/" + sheet.fileName(), sheet.title(), () -> xlsx(out -> sheet.write(tenant, from, to, out))));
        }
        for (dev.ratchet.shared.BundleDocuments source : documents.orderedStream().toList()) {
            source.documents(tenant, from, to).forEach(d -> parts.add(new Part(d.path(), d.title(), d.content()::get)));
        }
        parts.add(new Part("history-verification.txt", "History verification", () -> verification(org).getBytes(StandardCharsets.UTF_8)));
        return parts;
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] xlsx(Writer writer) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String verification(UUID org) {
        Verification v = history.verify(org);
        return "History verification of " + organisations.get(org).name() + "\n"
                + "Checked at: " + clock.instant() + "\n"
                + "Entries checked: " + v.entriesChecked() + "\n"
                + "Fingerprints exported outside the database and matched: " + v.anchorsChecked() + "\n"
                + "Records checked against their history: " + v.recordsChecked() + "\n"
                + "Result: " + (v.intact() ? "intact: every entry's hash matches its content and the one before it, every fingerprint"
                        + " matches, and every record is what its history says" : v.describe()) + "\n"
                + "Head hash (SHA-256 of the newest entry): " + history.headHash(org) + "\n";
    }

    /** The ZIP: the documents, then a manifest listing each with its size and SHA-256. */
    private byte[] zip(Tenant tenant, LocalDate from, LocalDate to, String framework, Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder("Evidence bundle of ").append(organisations.get(tenant.organisationId()).name())
                .append(framework == null ? "" : " for " + scopes.frameworkName(framework))
                .append(", period ").append(from).append(" to ").append(to).append(", made ").append(clock.instant()).append(" for ")
                .append(tenant.userName()).append(".\nEach line: SHA-256, size in bytes, file.\n\n");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
                manifest.append(Sha256.hex(file.getValue())).append("  ").append(file.getValue().length)
                        .append("  ").append(file.getKey()).append("\n");
            }
            zip.putNextEntry(new ZipEntry("manifest.txt"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    /** A name not yet used in the folder: "scan.pdf", then "scan (2).pdf". */
    private static String unique(String name, java.util.Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        }
        return candidate;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
