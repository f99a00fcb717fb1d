package dev.ratchet.improvement;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionStatus;
import dev.ratchet.action.ActionView;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import dev.ratchet.improvement.domain.Analysis;
import dev.ratchet.improvement.domain.EffectivenessReview;
import dev.ratchet.improvement.domain.EffectivenessReviewRepository;
import dev.ratchet.improvement.domain.ImprovementRecord;
import dev.ratchet.improvement.domain.ImprovementRecordRepository;
import dev.ratchet.improvement.domain.ReferenceNumbers;
import dev.ratchet.improvement.domain.RegisterQuery;
import dev.ratchet.improvement.domain.RootCauseAnalysis;
import dev.ratchet.improvement.domain.RootCauseAnalysisRepository;
import dev.ratchet.improvement.domain.SimilarityIndex;
import dev.ratchet.improvement.domain.Terms;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The improvement register: report, describe, move through the workflow, find. */
@Service
@Transactional
public class ImprovementManagement {

    static final String ORIGIN = "IMPROVEMENT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImprovementRecordRepository records;
    private final EffectivenessReviewRepository reviews;
    private final RootCauseAnalysisRepository analyses;
    private final ReferenceNumbers references;
    private final SimilarityIndex similarity;
    private final ActionManagement actions;
    private final OrganisationManagement organisations;
    private final CatalogueManagement catalogue;
    private final People people;
    private final EvidenceManagement evidence;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final jakarta.persistence.EntityManager entityManager;

    ImprovementManagement(ImprovementRecordRepository records, EffectivenessReviewRepository reviews,
            RootCauseAnalysisRepository analyses, ReferenceNumbers references, SimilarityIndex similarity, ActionManagement actions, OrganisationManagement organisations,
            CatalogueManagement catalogue, People people, EvidenceManagement evidence,
            JdbcTemplate jdbc, Clock clock, jakarta.persistence.EntityManager entityManager) {
        this.entityManager = entityManager;
        this.records = records;
        this.reviews = reviews;
        this.analyses = analyses;
        this.references = references;
        this.similarity = similarity;
        this.actions = actions;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.people = people;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reporting ---------------------------------------------------------------------------------------------

    /** Reference, title and status of records other modules link to (an audit's findings), by id. */
    @Transactional(readOnly = true)
    public Map<UUID, ImprovementView.Link> links(UUID organisationId, java.util.Collection<UUID> ids) {
        Map<UUID, ImprovementView.Link> links = new HashMap<>();
        if (!ids.isEmpty()) {
            records.findAllById(ids).stream().filter(r -> r.getOrganisationId().equals(organisationId))
                    .forEach(r -> links.put(r.getId(), new ImprovementView.Link(r.getId(), r.getReference(), r.getTitle(), r.getStatus())));
        }
        return links;
    }

    /** The dashboard's figures, each one query grouped in the database (no records loaded). */
    @Transactional(readOnly = true)
    public ImprovementDashboard dashboard(UUID organisationId, LocalDate today) {
        ZoneId zone = ZoneId.of(organisations.get(organisationId).timeZone());
        // Open statuses named, so that the database reads the covering index (organisation, status, ...) alone.
        String open = " and status in (" + java.util.Arrays.stream(Status.values()).filter(st -> st != Status.CLOSED && st != Status.REJECTED)
                .map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";
        Map<Source, Long> bySource = new java.util.EnumMap<>(Source.class);
        Map<Grade, Long> byGrade = new java.util.EnumMap<>(Grade.class);
        long[] totals = new long[4]; // open NCs, ungraded, overdue, open opportunities
        long[] ages = new long[4];   // open NCs raised up to 30, 31 to 90, 91 to 180, over 180 days ago
        LocalDate[] bounds = {today.minusDays(30), today.minusDays(90), today.minusDays(180)};
        Timestamp[] starts = new Timestamp[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            starts[i] = Timestamp.from(bounds[i].atStartOfDay(zone).toInstant());
        }
        jdbc.query("select kind, source, grade, count(*), sum(case when target_date < ? then 1 else 0 end),"
                + " sum(case when raised_at >= ? then 1 else 0 end), sum(case when raised_at >= ? and raised_at < ? then 1 else 0 end),"
                + " sum(case when raised_at >= ? and raised_at < ? then 1 else 0 end), sum(case when raised_at < ? then 1 else 0 end)"
                + " from improvement_record where organisation_id = ?" + open + " group by kind, source, grade", rs -> {
            long n = rs.getLong(4);
            if (Kind.NONCONFORMITY.name().equals(rs.getString(1))) {
                totals[0] += n;
                totals[2] += rs.getLong(5);
                for (int i = 0; i < ages.length; i++) {
                    ages[i] += rs.getLong(6 + i);
                }
                bySource.merge(Source.valueOf(rs.getString(2)), n, Long::sum);
                if (rs.getString(3) == null) {
                    totals[1] += n;
                } else {
                    byGrade.merge(Grade.valueOf(rs.getString(3)), n, Long::sum);
                }
            } else {
                totals[3] += n;
            }
        }, java.sql.Date.valueOf(today), starts[0], starts[1], starts[0], starts[2], starts[1], starts[2], organisationId);
        List<ImprovementDashboard.AgeBucket> ageing = List.of(
                new ImprovementDashboard.AgeBucket("Up to 30 days", ages[0], bounds[0], today),
                new ImprovementDashboard.AgeBucket("31 to 90 days", ages[1], bounds[1], bounds[0].minusDays(1)),
                new ImprovementDashboard.AgeBucket("91 to 180 days", ages[2], bounds[2], bounds[1].minusDays(1)),
                new ImprovementDashboard.AgeBucket("Over 180 days", ages[3], null, bounds[2].minusDays(1)));
        // Closing: per month of the last twelve, how many closed and their mean days open.
        java.time.YearMonth last = java.time.YearMonth.from(today);
        Map<java.time.YearMonth, double[]> months = new java.util.TreeMap<>();
        for (java.time.YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, new double[2]);
        }
        Timestamp yearAgo = Timestamp.from(last.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant());
        jdbc.query("select extract(year from closed_at), extract(month from closed_at), count(*),"
                + " avg(extract(epoch from closed_at) - extract(epoch from raised_at)) from improvement_record"
                + " where organisation_id = ? and closed_at >= ? group by extract(year from closed_at), extract(month from closed_at)", rs -> {
            double[] m = months.get(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)));
            if (m != null) {
                m[0] += rs.getLong(3);
                m[1] = rs.getDouble(4) / 86_400;
            }
        }, organisationId, yearAgo);
        List<ImprovementDashboard.Month> closing = months.entrySet().stream().map(e -> new ImprovementDashboard.Month(e.getKey().toString(),
                (long) e.getValue()[0], e.getValue()[0] == 0 ? null : Math.round(e.getValue()[1] * 10) / 10.0)).toList();
        long[] reviews = new long[2];
        jdbc.query("select count(*), sum(case when effective then 1 else 0 end) from effectiveness_review where organisation_id = ?"
                + " and reviewed_at >= ? and attempt = 1", rs -> {
            reviews[0] = rs.getLong(1);
            reviews[1] = rs.getLong(2);
        }, organisationId, yearAgo);
        Long recurrences = jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ? and recurrence_of is not null"
                + " and raised_at >= ?", Long.class, organisationId, yearAgo);
        return new ImprovementDashboard(totals[0], totals[2], totals[3], bySource, byGrade, totals[1], ageing, closing, reviews[0], reviews[1],
                recurrences);
    }

    /** Whether a record of the organisation is still open (neither closed nor rejected). */
    @Transactional(readOnly = true)
    public boolean isOpen(UUID organisationId, UUID id) {
        return records.findById(id).filter(r -> r.getOrganisationId().equals(organisationId))
                .map(r -> r.getStatus() != Status.CLOSED && r.getStatus() != Status.REJECTED).orElse(false);
    }

    /**
     * Where records stand, for a module showing them beside its own (a risk beside the nonconformity that concerns it):
     * the status, and the result of the latest effectiveness review of the corrective action where there is one.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> outcomes(UUID organisationId, java.util.Collection<UUID> ids) {
        Map<UUID, String> outcomes = new HashMap<>();
        if (ids.isEmpty()) {
            return outcomes;
        }
        for (ImprovementRecord r : records.findAllById(ids)) {
            if (r.getOrganisationId().equals(organisationId)) {
                outcomes.put(r.getId(), r.getStatus().label());
            }
        }
        jdbc.query("""
                select e.record_id, e.effective from effectiveness_review e where e.organisation_id = ? and e.record_id in (%s)
                order by e.reviewed_at""".formatted(String.join(",", java.util.Collections.nCopies(ids.size(), "?"))), rs -> {
            UUID id = rs.getObject(1, UUID.class);
            boolean effective = rs.getBoolean(2);
            outcomes.computeIfPresent(id, (k, status) -> status.replaceAll(" · .*", "") + " · corrective action "
                    + (effective ? "effective" : "not effective") + " at its last review");
        }, java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) organisationId), ids.stream()).toArray());
        return outcomes;
    }

    /** The nonconformities naming each requirement, for the Statement of Applicability's reasons for a control. */
    @Transactional(readOnly = true)
    public Map<String, List<dev.ratchet.shared.RecordLink>> nonconformitiesByRequirement(UUID organisationId) {
        Map<String, List<dev.ratchet.shared.RecordLink>> links = new java.util.TreeMap<>();
        jdbc.query("""
                select q.requirement, r.id, r.reference, r.title from improvement_requirement q join improvement_record r on r.id = q.record_id
                where r.organisation_id = ? and r.kind = 'NONCONFORMITY' order by r.reference""", rs -> {
            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new dev.ratchet.shared.RecordLink(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
        }, organisationId);
        return links;
    }

    /** A record by its reference (NC-2026-003), for modules that link to the record that caused theirs. */
    @Transactional(readOnly = true)
    public java.util.Optional<ImprovementView.Link> byReference(UUID organisationId, String reference) {
        if (reference == null || reference.isBlank()) {
            return java.util.Optional.empty();
        }
        return records.findByOrganisationIdAndReferenceIn(organisationId, List.of(reference.strip().toUpperCase(java.util.Locale.ROOT)))
                .stream().findFirst().map(r -> new ImprovementView.Link(r.getId(), r.getReference(), r.getTitle(), r.getStatus()));
    }

    /** The register over a period, computed in the database, for the management review's input pack. */
    @Transactional(readOnly = true)
    public ImprovementStatistics statistics(UUID organisationId, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(organisations.get(organisationId).timeZone());
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, Long> bySource = new LinkedHashMap<>();
        Map<String, Long> opportunitiesBySource = new LinkedHashMap<>();
        Map<String, Long> byGrade = new LinkedHashMap<>();
        long[] raised = new long[2];
        jdbc.query("""
                select kind, source, grade, count(*) from improvement_record
                where organisation_id = ? and raised_at >= ? and raised_at < ? group by kind, source, grade""", rs -> {
            long n = rs.getLong(4);
            boolean nc = Kind.NONCONFORMITY.name().equals(rs.getString(1));
            raised[nc ? 0 : 1] += n;
            (nc ? bySource : opportunitiesBySource).merge(Source.valueOf(rs.getString(2)).label(), n, Long::sum);
            if (nc) {
                byGrade.merge(rs.getString(3) == null ? "Not graded" : Grade.valueOf(rs.getString(3)).label(), n, Long::sum);
            }
        }, organisationId, start, end);
        Long open = jdbc.queryForObject("""
                select count(*) from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY'
                  and status not in ('CLOSED', 'REJECTED')""", Long.class, organisationId);
        Long overdue = jdbc.queryForObject("""
                select count(*) from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY'
                  and status not in ('CLOSED', 'REJECTED') and target_date < ?""", Long.class, organisationId, java.sql.Date.valueOf(to));
        List<Double> days = jdbc.query("""
                select raised_at, closed_at from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY'
                  and closed_at >= ? and closed_at < ?""",
                (rs, i) -> (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 86_400_000.0, organisationId, start, end);
        Long opportunitiesClosed = jdbc.queryForObject("""
                select count(*) from improvement_record where organisation_id = ? and kind = 'OPPORTUNITY'
                  and closed_at >= ? and closed_at < ?""", Long.class, organisationId, start, end);
        long[] reviews = new long[2];
        jdbc.query("""
                select e.effective from effectiveness_review e where e.organisation_id = ? and e.attempt = 1
                  and e.reviewed_at >= ? and e.reviewed_at < ?""", rs -> {
            reviews[0]++;
            if (rs.getBoolean(1)) {
                reviews[1]++;
            }
        }, organisationId, start, end);
        Long recurrences = jdbc.queryForObject("""
                select count(*) from improvement_record where organisation_id = ? and recurrence_of is not null
                  and raised_at >= ? and raised_at < ?""", Long.class, organisationId, start, end);
        List<ImprovementView.Link> opportunities = records.findAll((root, query, cb) -> cb.and(
                cb.equal(root.get("organisationId"), organisationId), cb.equal(root.get("kind"), Kind.OPPORTUNITY),
                root.get("status").in(List.of(Status.CLOSED, Status.REJECTED)).not()),
                PageRequest.of(0, 50, Sort.by("raisedAt"))).map(r -> new ImprovementView.Link(r.getId(), r.getReference(),
                r.getTitle(), r.getStatus())).getContent();
        return new ImprovementStatistics(raised[0], raised[1], bySource, opportunitiesBySource, byGrade, open, overdue, days.size(),
                opportunitiesClosed,
                days.isEmpty() ? null : Math.round(days.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0,
                reviews[0], reviews[1], recurrences, opportunities, byMonth(organisationId, from, to, start, end));
    }

    /** The trend: per month of the period (the last 24 at most), nonconformities raised and closed, counted in the database. */
    private List<ImprovementStatistics.Month> byMonth(UUID organisationId, LocalDate from, LocalDate to, Timestamp start, Timestamp end) {
        Map<java.time.YearMonth, long[]> months = new java.util.TreeMap<>();
        java.time.YearMonth last = java.time.YearMonth.from(to);
        java.time.YearMonth first = java.time.YearMonth.from(from).isBefore(last.minusMonths(23)) ? last.minusMonths(23) : java.time.YearMonth.from(from);
        for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, new long[2]);
        }
        for (String column : List.of("raised_at", "closed_at")) {
            int slot = column.equals("raised_at") ? 0 : 1;
            jdbc.query("select extract(year from " + column + "), extract(month from " + column + "), count(*) from improvement_record "
                    + "where organisation_id = ? and " + column + " >= ? and " + column + " < ? and kind = 'NONCONFORMITY'"
                    + " group by extract(year from " + column + "), extract(month from " + column + ")", rs -> {
                long[] counts = months.get(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)));
                if (counts != null) {
                    counts[slot] += rs.getLong(3);
                }
            }, organisationId, start, end);
        }
        return months.entrySet().stream().map(e -> new ImprovementStatistics.Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * The records worked on in a period: raised before it ends and not closed before it starts, in reference order
     * (for the evidence bundle's record documents).
     */
    @Transactional(readOnly = true)
    public List<ImprovementView.Link> activeBetween(UUID organisationId, LocalDate from, LocalDate to) {
        ZoneId zone = organisations.zone(organisationId);
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.query("""
                select id, reference, title, status from improvement_record where organisation_id = ? and raised_at < ?
                  and (closed_at is null or closed_at >= ?) order by kind, reference""",
                (rs, i) -> new ImprovementView.Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Status.valueOf(rs.getString(4))), organisationId, end, start);
    }

    /** The records active in the period ({@link #activeBetween}) by each requirement they name, in reference order. */
    @Transactional(readOnly = true)
    public Map<String, List<ImprovementView.Link>> activeBetweenByRequirement(UUID organisationId, LocalDate from, LocalDate to) {
        ZoneId zone = organisations.zone(organisationId);
        Map<String, List<ImprovementView.Link>> links = new java.util.HashMap<>();
        jdbc.query("""
                select q.requirement, r.id, r.reference, r.title, r.status from improvement_requirement q
                  join improvement_record r on r.id = q.record_id
                 where r.organisation_id = ? and r.raised_at < ? and (r.closed_at is null or r.closed_at >= ?) order by r.reference""", rs -> {
            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ImprovementView.Link(rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), Status.valueOf(rs.getString(5))));
        }, organisationId, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()), Timestamp.from(from.atStartOfDay(zone).toInstant()));
        return links;
    }

    /** The records raised from another record (an incident, an objective), latest first. */
    @Transactional(readOnly = true)
    public List<ImprovementView.Link> raisedFrom(UUID organisationId, UUID sourceId) {
        return records.findByOrganisationIdAndSourceIdOrderByRaisedAtDesc(organisationId, sourceId).stream()
                .map(r -> new ImprovementView.Link(r.getId(), r.getReference(), r.getTitle(), r.getStatus())).toList();
    }

    /**
     * Raises a nonconformity or opportunity from a record of another module, which has checked that its record
     * belongs to the tenant's organisation and proposed the text.
     */
    public ImprovementView raise(Tenant tenant, Source source, UUID sourceId, String sourceReference, RaiseForm raise) {
        ReportForm form = new ReportForm();
        form.setKind(raise.getKind());
        form.setGrade(raise.getKind() == Kind.NONCONFORMITY ? raise.getGrade() : null);
        form.setTitle(raise.getTitle());
        form.setDescription(raise.getDescription());
        form.setSource(source);
        form.setSourceReference(sourceReference);
        form.setAreaId(raise.getAreaId());
        form.setOwnerId(raise.getOwnerId());
        return report(tenant, form, sourceId);
    }

    public ImprovementView report(Tenant tenant, ReportForm form) {
        return report(tenant, form, null);
    }

    /**
     * Reports a record raised from another one (an audit's finding, ...) that links to it by id; the calling module
     * has checked that its record belongs to the tenant's organisation.
     */
    public ImprovementView report(Tenant tenant, ReportForm form, UUID sourceId) {
        checkReferences(tenant.organisationId(), form);
        ZoneId zone = organisations.zone(tenant.organisationId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant raisedAt = clock.instant();
        if (form.getRaisedOn() != null && !form.getRaisedOn().equals(today)) {
            if (form.getRaisedOn().isAfter(today)) {
                throw Refused.field("raisedOn", "The day it was raised is today or earlier, not " + form.getRaisedOn());
            }
            if (form.getRaisedOn().isBefore(LocalDate.of(1990, 1, 1))) {
                throw Refused.field("raisedOn", "The day it was raised is after 1 January 1990");
            }
            raisedAt = form.getRaisedOn().atTime(12, 0).atZone(zone).toInstant();
        }
        String reference = references.next(tenant.organisationId(), form.getKind(), LocalDate.ofInstant(raisedAt, zone).getYear());
        ImprovementRecord record = records.save(
                new ImprovementRecord(tenant.organisationId(), reference, form, sourceId, tenant.userId(), raisedAt));
        records.flush();
        indexTerms(record);
        return view(record);
    }

    /** Corrects what was reported: the owner or an ISMS manager, while the record is open. */
    public ImprovementView describe(Tenant tenant, UUID id, ReportForm form) {
        ImprovementRecord record = find(tenant.organisationId(), id);
        if (!isManager(tenant) && !tenant.userId().equals(record.getOwnerId())) {
            throw new AccessDeniedException("Only the owner or an ISMS manager changes the description");
        }
        Refused.requireCurrentVersion(form.getVersion(), record.getVersion());
        if (form.getKind() != record.getKind()) {
            throw Refused.field("kind", "A record keeps its kind: report a new one instead");
        }
        checkReferences(tenant.organisationId(), form);
        record.describe(form);
        records.flush();
        indexTerms(record);
        return view(record);
    }

    private void checkReferences(UUID organisationId, ReportForm form) {
        if (form.getAreaId() != null) {
            organisations.area(organisationId, form.getAreaId()); // refuses an area of another organisation
        }
        if (form.getOwnerId() != null) {
            people.requireAssignable(organisationId, form.getOwnerId(), "ownerId", "The owner must be an active member of this organisation");
        }
        List<String> resolved = new ArrayList<>();
        for (String requirement : form.getRequirements()) {
            if (requirement != null && !requirement.isBlank()) {
                String reference = catalogue.resolve("requirements", requirement);
                if (!resolved.contains(reference)) {
                    resolved.add(reference);
                }
            }
        }
        form.setRequirements(resolved);
    }

    void indexTerms(ImprovementRecord record) {
        similarity.index(record.getOrganisationId(), record.getId(), termsOf(record));
    }

    static Set<String> termsOf(ImprovementRecord r) {
        return Terms.of(r.getTitle(), r.getDescription(), r.getRequirements(), r.getAreaId());
    }

    // --- trends ------------------------------------------------------------------------------------------------

    /**
     * Requirements and areas with at least the organisation's threshold of nonconformities within its window, each
     * with the references of those nonconformities.
     */
    @Transactional(readOnly = true)
    public List<Trend> trends(UUID organisationId) {
        return trends(organisationId, true);
    }

    /**
     * The same trends, counted in the database without their references: what the register page shows (a count and a
     * link to the filtered register), at the cost of two grouped statements whatever the register's size.
     */
    @Transactional(readOnly = true)
    public List<Trend> trendCounts(UUID organisationId) {
        return trends(organisationId, false);
    }

    private List<Trend> trends(UUID organisationId, boolean withReferences) {
        OrganisationDetails organisation = organisations.get(organisationId);
        ZoneId zone = ZoneId.of(organisation.timeZone());
        Instant since = LocalDate.now(clock.withZone(zone)).minusMonths(organisation.trendWindowMonths()).atStartOfDay(zone).toInstant();
        // Open systemic improvements proposed from a trend, by the trend they name.
        Map<String, String> proposals = new HashMap<>();
        jdbc.query("""
                select source_reference, reference from improvement_record where organisation_id = ? and kind = 'OPPORTUNITY'
                and source = 'OTHER' and status not in ('REJECTED', 'CLOSED') and source_reference like 'Trend %'""",
                (ResultSet rs) -> {
                    proposals.put(rs.getString(1), rs.getString(2));
                }, organisationId);
        Map<UUID, String> areaNames = organisations.allAreas(organisationId).stream()
                .collect(Collectors.toMap(AreaView::id, AreaView::name));
        String requirements = """
                from improvement_requirement ir join improvement_record r on r.id = ir.record_id
                where r.organisation_id = ? and r.kind = 'NONCONFORMITY' and r.status <> 'REJECTED' and r.raised_at >= ?""";
        String areas = """
                from improvement_record r where r.organisation_id = ? and r.kind = 'NONCONFORMITY' and r.status <> 'REJECTED'
                and r.raised_at >= ? and r.area_id is not null""";
        List<Trend> trends = new ArrayList<>();
        BiConsumer<Trend.Dimension, List<Group>> add = (dimension, groups) -> groups.forEach(group -> {
            String label = dimension == Trend.Dimension.AREA ? areaNames.getOrDefault(UUID.fromString(group.key()), group.key())
                    : catalogue.find(group.key()).map(q -> q.code() + " " + q.title()).orElse(group.key());
            Trend trend = new Trend(dimension, group.key(), label, group.count(), group.references(), null);
            trends.add(new Trend(dimension, group.key(), label, group.count(), group.references(), proposals.get(trend.sourceReference())));
        });
        if (withReferences) {
            add.accept(Trend.Dimension.REQUIREMENT, grouped("select ir.requirement, r.reference " + requirements
                    + " order by ir.requirement, r.reference", organisation.trendThreshold(), organisationId, Timestamp.from(since)));
            add.accept(Trend.Dimension.AREA, grouped("select cast(r.area_id as varchar(36)), r.reference " + areas
                    + " order by 1, r.reference", organisation.trendThreshold(), organisationId, Timestamp.from(since)));
        }
        else {
            add.accept(Trend.Dimension.REQUIREMENT, counted("select ir.requirement, count(*) " + requirements
                    + " group by ir.requirement having count(*) >= ?", organisationId, Timestamp.from(since), organisation.trendThreshold()));
            add.accept(Trend.Dimension.AREA, counted("select cast(r.area_id as varchar(36)), count(*) " + areas
                    + " group by r.area_id having count(*) >= ?", organisationId, Timestamp.from(since), organisation.trendThreshold()));
        }
        trends.sort(Comparator.comparingInt(Trend::count).reversed().thenComparing(Trend::label));
        return trends;
    }

    /** Nonconformities grouped by requirement or area: how many, and their references where they were read. */
    private record Group(String key, int count, List<String> references) {
    }

    /** Rows of (key, reference) as one group per key, the groups of at least {@code threshold}. */
    private List<Group> grouped(String sql, int threshold, Object... args) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.query(sql, (ResultSet rs) -> {
            groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, args);
        return groups.entrySet().stream().filter(e -> e.getValue().size() >= threshold)
                .map(e -> new Group(e.getKey(), e.getValue().size(), e.getValue())).toList();
    }

    /** Rows of (key, count) as groups without their references. */
    private List<Group> counted(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new Group(rs.getString(1), rs.getInt(2), List.of()), args);
    }

    /** Proposes the systemic opportunity for improvement a trend calls for, linked to its nonconformities. */
    public ImprovementView proposeSystemicImprovement(Tenant tenant, Trend.Dimension dimension, String key) {
        if (!isManager(tenant)) {
            throw new AccessDeniedException("Only an ISMS manager proposes systemic improvements");
        }
        Trend trend = trends(tenant.organisationId()).stream()
                .filter(t -> t.dimension() == dimension && t.key().equals(key)).findFirst()
                .orElseThrow(() -> Refused.conflict("There is no such trend (any more): nothing to propose"));
        if (trend.proposedAs() != null) {
            throw Refused.conflict("This trend is already being handled by " + trend.proposedAs());
        }
        ReportForm form = new ReportForm();
        form.setKind(Kind.OPPORTUNITY);
        form.setSource(Source.OTHER);
        form.setSourceReference(trend.sourceReference());
        form.setTitle(Texts.truncate("Systemic improvement: recurring nonconformities against " + trend.label(), 200));
        form.setDescription(trend.count() + " nonconformities against " + trend.label() + " in the last "
                + organisations.get(tenant.organisationId()).trendWindowMonths() + " months ("
                + String.join(", ", trend.references()) + "). Look for the common cause and improve the process as a whole.");
        if (dimension == Trend.Dimension.REQUIREMENT) {
            form.setRequirements(List.of(key));
        }
        else {
            form.setAreaId(UUID.fromString(key));
        }
        ImprovementView proposed = report(tenant, form);
        ImprovementRecord record = find(tenant.organisationId(), proposed.id());
        record.relatedTo(records.findByOrganisationIdAndReferenceIn(tenant.organisationId(), trend.references())
                .stream().map(ImprovementRecord::getId).toList());
        records.flush();
        return view(record, tenant);
    }

    // --- evidence -----------------------------------------------------------------------------------------------

    /** Attaches evidence to the record: its owner, an ISMS manager, or the owner of one of its actions. */
    public EvidenceView attach(Tenant tenant, UUID id, EvidenceManagement.Upload upload) throws IOException {
        ImprovementRecord record = find(tenant.organisationId(), id);
        boolean actionOwner = actions.of(tenant.organisationId(), ORIGIN, id).stream()
                .anyMatch(a -> tenant.userId().equals(a.ownerId()));
        if (!isManager(tenant) && !tenant.userId().equals(record.getOwnerId()) && !actionOwner) {
            throw new AccessDeniedException("Only the owner, an action owner or an ISMS manager adds evidence");
        }
        return evidence.store(tenant.organisationId(), ORIGIN, id, tenant.userId(), upload);
    }

    // --- similar records ---------------------------------------------------------------------------------------

    /** Below this share of matching weight a record is not shown as similar. */
    static final double SIMILAR_ENOUGH = 0.3;

    /** Existing records probably about the same problem as this one, best first. */
    @Transactional(readOnly = true)
    public List<SimilarRecord> similarTo(Tenant tenant, UUID id) {
        ImprovementRecord record = find(tenant.organisationId(), id);
        return similar(tenant.organisationId(), termsOf(record), id);
    }

    /** The same for a record still being written (the report form asks as the person types). */
    @Transactional(readOnly = true)
    public List<SimilarRecord> similarTo(Tenant tenant, String title, String description, List<String> requirements,
            UUID areaId) {
        return similar(tenant.organisationId(), Terms.of(title, description,
                requirements == null ? List.of() : requirements, areaId), null);
    }

    private List<SimilarRecord> similar(UUID organisationId, Set<String> terms, UUID excluding) {
        List<SimilarityIndex.Match> matches = similarity.similar(organisationId, terms, excluding, 10).stream()
                .filter(m -> m.score() >= SIMILAR_ENOUGH).toList();
        Map<UUID, ImprovementRecord> found = records.findByOrganisationIdAndIdIn(organisationId,
                matches.stream().map(SimilarityIndex.Match::recordId).toList()).stream()
                .collect(Collectors.toMap(ImprovementRecord::getId, Function.identity()));
        return matches.stream().filter(m -> found.containsKey(m.recordId())).map(m -> {
            ImprovementRecord r = found.get(m.recordId());
            return new SimilarRecord(r.getId(), r.getReference(), r.getTitle(), r.getKind(), r.getStatus(),
                    r.getRaisedAt(), (int) Math.round(m.score() * 100));
        }).toList();
    }

    // --- the workflow ------------------------------------------------------------------------------------------

    public ImprovementView transition(Tenant tenant, UUID id, TransitionRequest request) {
        if (request.getTransition() == null) {
            throw Refused.field("transition", "Say which step to take");
        }
        ImprovementRecord record = find(tenant.organisationId(), id);
        if (!mayTake(tenant, record, request.getTransition())) {
            throw new AccessDeniedException("Your roles do not allow " + request.getTransition().label().toLowerCase());
        }
        Refused.requireCurrentVersion(request.getVersion(), record.getVersion());
        LocalDate today = today(tenant.organisationId());
        switch (request.getTransition()) {
            case TRIAGE -> {
                if (request.getOwnerId() != null) {
                    people.requireAssignable(tenant.organisationId(), request.getOwnerId(), "ownerId", "The owner must be an active member of this organisation");
                }
                record.triage(request.getOwnerId(), request.getGrade());
            }
            case REJECT -> record.reject(request.getReason(), clock.instant());
            case CONTAIN -> record.contain(request.getCorrection(), request.getConsequences(), clock.instant());
            case ANALYSE -> {
                List<UUID> similar = request.getSimilarRecords().stream().filter(s -> !s.equals(id)).distinct().toList();
                if (records.findByOrganisationIdAndIdIn(tenant.organisationId(), similar).size() != similar.size()) {
                    throw Refused.field("similarRecords", "A similar record must be one of this organisation's");
                }
                record.analyse(new Analysis(request.getReviewSummary(), request.getRcaMethod(), request.getWhys(),
                        request.getFishbone(), request.getFaultTree(), request.getRcaExplanation(),
                        request.getRootCause(), similar, request.getCouldOccurElsewhere(),
                        request.getElsewhereJudgement(), request.getCorrectiveActionNeeded(),
                        request.getNoActionJustification()), clock.instant());
                // Each attempt keeps its own analysis; analysing again before planning replaces this attempt's.
                analyses.findByRecordIdAndAttempt(record.getId(), record.getAttempt()).ifPresentOrElse(
                        a -> a.copy(record, tenant.userId()),
                        () -> analyses.save(new RootCauseAnalysis(record, tenant.userId())));
            }
            case PLAN_ACTIONS -> {
                List<TransitionRequest.ActionForm> planned = request.filledActions();
                record.actionsPlanned(planned.size());
                actions.plan(tenant.organisationId(), ORIGIN, record.getId(), record.getReference(), record.getAreaId(),
                        record.getAttempt(), planned.stream().map(a -> new PlannedAction(a.getTitle(),
                                a.getDescription(), a.getOwnerId(), a.getDueDate(), a.getSuccessCriteria())).toList());
            }
            case IMPLEMENT -> {
                List<ActionView> current = currentActions(record);
                int open = (int) current.stream().filter(a -> !a.status().isFinished()).count();
                int done = (int) current.stream().filter(a -> a.status() == ActionStatus.DONE).count();
                record.implemented(open, done, clock.instant(), today,
                        organisations.get(tenant.organisationId()).effectivenessWaitDays());
            }
            case START_EFFECTIVENESS_REVIEW -> record.startEffectivenessReview(today);
            case REVIEW_EFFECTIVENESS -> reviewEffectiveness(tenant, record, request);
            case CLOSE_WITHOUT_ACTION -> record.closeWithoutAction(clock.instant());
            case EVALUATE -> record.evaluate(request.getEvaluation(), request.getReason(), request.getDeferredUntil(),
                    today, clock.instant());
            case CLOSE -> record.closeOpportunity(request.getBenefitRealised(), clock.instant());
            case RECORD_ISMS_CHANGE -> record.recordIsmsChange(request.getIsmsChange(), today);
            case RECORD_RECURRENCE -> {
                if (request.getRecurrenceOf() == null) {
                    throw Refused.missing("Linking a recurrence", Map.of("recurrenceOf", "the closed nonconformity that came back"));
                }
                ImprovementRecord earlier = find(tenant.organisationId(), request.getRecurrenceOf());
                record.recurrenceOf(earlier);
                earlier.questionEffectiveness();
            }
        }
        records.flush();
        return view(record);
    }

    private void reviewEffectiveness(Tenant tenant, ImprovementRecord record, TransitionRequest request) {
        if (request.getEffective() == null) {
            throw Refused.missing("The effectiveness review", Map.of("effective", "the result: effective or not effective"));
        }
        boolean implementer = currentActions(record).stream()
                .anyMatch(a -> tenant.userId().equals(a.completedBy()) || tenant.userId().equals(a.ownerId()));
        if (implementer && (request.getIndependenceNote() == null || request.getIndependenceNote().isBlank())) {
            throw Refused.missing("The effectiveness review", Map.of("independenceNote",
                    "a reviewer who did not implement the actions, or a note why no one else can review"));
        }
        reviews.save(new EffectivenessReview(record, tenant.userId(), request.getMethod(), request.getEvidence(),
                request.getEffective(), implementer ? request.getIndependenceNote() : null, clock.instant()));
        record.effectivenessReviewed(request.getEffective(), clock.instant());
    }

    /** Who may take which step: managers run the workflow, owners their own records, auditors review effectiveness. */
    static boolean mayTake(Tenant tenant, ImprovementRecord record, Transition transition) {
        boolean manager = isManager(tenant);
        boolean owner = tenant.userId().equals(record.getOwnerId());
        return switch (transition) {
            case TRIAGE, REJECT, EVALUATE -> manager;
            case REVIEW_EFFECTIVENESS -> manager || tenant.hasAnyRole("AUDITOR");
            default -> manager || owner;
        };
    }

    /** The steps this person may try on this record now, for the page's buttons. */
    static List<Transition> allowedSteps(Tenant tenant, ImprovementRecord record) {
        // In the order a person should consider them: the step forward first.
        Set<Transition> steps = new LinkedHashSet<>();
        boolean nc = record.getKind() == Kind.NONCONFORMITY;
        switch (record.getStatus()) {
            case REPORTED -> steps.addAll(nc ? List.of(Transition.TRIAGE, Transition.CONTAIN, Transition.REJECT)
                    : List.of(Transition.EVALUATE));
            case CONTAINED -> steps.add(Transition.ANALYSE);
            case ANALYSED -> {
                if (record.getCorrectiveActionNeeded() != null) {
                    steps.add(record.getCorrectiveActionNeeded() ? Transition.PLAN_ACTIONS : Transition.CLOSE_WITHOUT_ACTION);
                }
                steps.add(Transition.ANALYSE);
            }
            case EVALUATED -> steps.add(record.getEvaluation() == Evaluation.DEFERRED ? Transition.EVALUATE : Transition.PLAN_ACTIONS);
            case ACTIONS_PLANNED -> steps.add(Transition.IMPLEMENT);
            case IMPLEMENTED -> steps.add(nc ? Transition.START_EFFECTIVENESS_REVIEW : Transition.CLOSE);
            case EFFECTIVENESS_REVIEW -> steps.add(Transition.REVIEW_EFFECTIVENESS);
            default -> { }
        }
        if (nc && record.getStatus() != Status.REPORTED && record.getStatus() != Status.REJECTED) {
            steps.add(Transition.RECORD_ISMS_CHANGE);
        }
        if (nc && record.getStatus() != Status.REJECTED && record.getRecurrenceOf() == null) {
            steps.add(Transition.RECORD_RECURRENCE);
        }
        return steps.stream().filter(t -> mayTake(tenant, record, t)).toList();
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ImprovementView get(Tenant tenant, UUID id) {
        return view(find(tenant.organisationId(), id), tenant);
    }

    @Transactional(readOnly = true)
    public Page<ImprovementSummary> search(UUID organisationId, RegisterFilter filter, Pageable pageable) {
        LocalDate today = today(organisationId);
        RequirementReach reach = reach(filter);
        Page<ImprovementRecord> page = dev.ratchet.shared.Pages.of(entityManager, ImprovementRecord.class,
                RegisterQuery.of(organisationId, filter, reach == null ? null : reach.all(), today, organisations.zone(organisationId)), pageable);
        Map<UUID, String> names = people.displayNames(organisationId);
        Map<UUID, String> areas = organisations.allAreas(organisationId).stream()
                .collect(Collectors.toMap(AreaView::id, AreaView::name));
        return page.map(r -> {
            List<String> through = reach == null ? List.of() : r.getRequirements().stream().filter(reach.mapped()::contains).toList();
            boolean direct = reach != null && r.getRequirements().stream().anyMatch(reach.direct()::contains);
            return new ImprovementSummary(r.getId(), r.getReference(), r.getKind(), r.getTitle(),
                    r.getSource(), r.getGrade(), r.getStatus(), areas.get(r.getAreaId()), names.get(r.getOwnerId()),
                    r.getRaisedAt(), r.getTargetDate(),
                    r.getStatus().isOpen() && r.getTargetDate() != null && r.getTargetDate().isBefore(today),
                    reach == null ? null : direct ? ImprovementSummary.RequirementMatch.DIRECT : ImprovementSummary.RequirementMatch.MAPPED,
                    direct ? List.of() : through);
        });
    }

    /** What a requirement filter reaches: the requirement and those under it (direct), and those mapped to them. */
    private record RequirementReach(Set<String> direct, Set<String> mapped, Set<String> all) {
    }

    private RequirementReach reach(RegisterFilter filter) {
        if (filter.requirement() == null || filter.requirement().isBlank()) {
            return null;
        }
        String asked = filter.requirement().strip();
        try {
            asked = catalogue.resolve("requirement", asked);
        }
        catch (dev.ratchet.shared.Refused unknown) {
            // A reference no longer in the catalogue still finds the records that name it.
        }
        Set<String> direct = new LinkedHashSet<>(catalogue.withRefinements(asked));
        Set<String> all = catalogue.reach(asked);
        Set<String> mapped = new LinkedHashSet<>(all);
        mapped.removeAll(direct);
        return new RequirementReach(direct, mapped, all);
    }

    /** The filtered register as the incident and corrective action log, read page by page in the database. */
    @Transactional(readOnly = true)
    public void log(UUID organisationId, RegisterFilter filter, Sort sort,
            Consumer<LogRow> into) {
        LocalDate today = today(organisationId);
        ZoneId zone = organisations.zone(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        Map<UUID, String> areas = organisations.allAreas(organisationId).stream()
                .collect(Collectors.toMap(AreaView::id, AreaView::name));
        Pageable page = PageRequest.of(0, 500, sort);
        RequirementReach reach = reach(filter);
        while (true) {
            Page<ImprovementRecord> chunk = records.findAll(RegisterQuery.of(organisationId, filter, reach == null ? null : reach.all(), today, zone), page);
            List<UUID> ids = chunk.getContent().stream().map(ImprovementRecord::getId).toList();
            Map<UUID, List<ActionView>> actionsOf = actions.ofOrigins(organisationId, ids).stream()
                    .collect(Collectors.groupingBy(ActionView::originId));
            Map<UUID, List<EffectivenessReview>> reviewsOf = reviews.findByRecordIdInOrderByReviewedAtAsc(ids).stream()
                    .collect(Collectors.groupingBy(EffectivenessReview::getRecordId));
            Map<UUID, List<RootCauseAnalysis>> analysesOf = ids.isEmpty() ? Map.of()
                    : analyses.findByRecordIdInOrderByAttemptAsc(ids).stream().collect(Collectors.groupingBy(RootCauseAnalysis::getRecordId));
            Set<UUID> linked = new LinkedHashSet<>();
            chunk.getContent().forEach(r -> linked.addAll(r.getSimilarRecords()));
            analysesOf.values().forEach(list -> list.forEach(a -> linked.addAll(a.getSimilarRecords())));
            Map<UUID, ImprovementView.Link> links = links(organisationId, linked);
            for (ImprovementRecord r : chunk) {
                List<EffectivenessReview> recordReviews = reviewsOf.getOrDefault(r.getId(), List.of());
                List<AnalysisView> attempts = analysesOf(r, analysesOf.getOrDefault(r.getId(), List.of()), recordReviews, links, names);
                String actionText = actionsOf.getOrDefault(r.getId(), List.of()).stream()
                        .map(a -> (r.getKind() == Kind.NONCONFORMITY ? "Attempt " + a.attempt() + ": " : "")
                                + a.title() + " — " + a.ownerName() + ", due " + a.dueDate() + ", " + a.status().label()
                                + "; success criteria: " + a.successCriteria()
                                + (a.completionEvidence() == null ? "" : "; evidence: " + a.completionEvidence()))
                        .collect(Collectors.joining("\n"));
                String effectiveness = recordReviews.stream()
                        .map(v -> "Attempt " + v.getAttempt() + ": " + (v.isEffective() ? "Effective" : "Not effective") + " ("
                                + LocalDate.ofInstant(v.getReviewedAt(), zone) + ", " + names.getOrDefault(v.getReviewerId(), "former member")
                                + "); method: " + v.getMethod() + "; evidence: " + v.getEvidence())
                        .collect(Collectors.joining("\n"));
                String analysisText = attempts.stream().map(a -> "Attempt " + a.attempt() + " (" + LocalDate.ofInstant(a.analysedAt(), zone)
                                + ", " + a.method().label() + "): root cause: " + a.rootCause()
                                + (a.working().isEmpty() ? "" : "; working: " + a.working().replace("\n", "; "))
                                + "; outcome: " + a.outcome())
                        .collect(Collectors.joining("\n"));
                into.accept(new LogRow(r.getId(), r.getReference(), r.getKind(), r.getGrade(), r.getStatus(), r.getTitle(),
                        r.getDescription(), r.getSource(), r.getSourceReference(), areas.get(r.getAreaId()),
                        names.get(r.getOwnerId()), names.getOrDefault(r.getRaisedBy(), "former member"), day(r.getRaisedAt(), zone),
                        r.getTargetDate(), r.getRequirements().stream().map(this::asWritten).collect(Collectors.joining("; ")),
                        r.getCorrection(), r.getConsequences(),
                        day(r.getContainedAt(), zone), r.getReviewSummary(), r.getRcaMethod(),
                        attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).working(), r.getRootCause(),
                        r.getSimilarRecords().stream().map(links::get).filter(Objects::nonNull)
                                .map(l -> l.reference() + " " + l.title()).collect(Collectors.joining("; ")),
                        r.getCouldOccurElsewhere(), r.getElsewhereJudgement(), r.getCorrectiveActionNeeded(), analysisText,
                        actionText, effectiveness, r.getIsmsChanges(), r.getEvaluation(), r.getEvaluationReason(),
                        r.getDeferredUntil(), r.getBenefitRealised(), day(r.getClosedAt(), zone)));
            }
            if (!chunk.hasNext()) {
                return;
            }
            page = chunk.nextPageable();
        }
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }

    /** Each attempt's analysis with the similar records it named and how the attempt ended. */
    private static List<AnalysisView> analysesOf(ImprovementRecord r, List<RootCauseAnalysis> rows, List<EffectivenessReview> reviewed,
            Map<UUID, ImprovementView.Link> links, Map<UUID, String> names) {
        return rows.stream().map(a -> {
            Map<String, Object> rca = detail(a.getRcaDetail());
            Boolean effective = reviewed.stream().filter(v -> v.getAttempt() == a.getAttempt())
                    .reduce((first, second) -> second).map(EffectivenessReview::isEffective).orElse(null);
            @SuppressWarnings("unchecked")
            List<String> whys = (List<String>) rca.getOrDefault("whys", List.of());
            @SuppressWarnings("unchecked")
            Map<String, String> fishbone = (Map<String, String>) rca.getOrDefault("fishbone", Map.of());
            return new AnalysisView(a.getAttempt(), a.getReviewSummary(), a.getRcaMethod(), whys, fishbone, (String) rca.get("faultTree"),
                    a.getRcaExplanation(), a.getRootCause(), a.getSimilarRecords().stream().map(links::get).filter(Objects::nonNull).toList(),
                    a.isCouldOccurElsewhere(), a.getElsewhereJudgement(), a.getCorrectiveActionNeeded(), a.getNoActionJustification(),
                    a.getAnalysedBy() == null ? null : names.getOrDefault(a.getAnalysedBy(), "(former member)"), a.getAnalysedAt(), effective);
        }).toList();
    }

    private static Map<String, Object> detail(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    private ImprovementRecord find(UUID organisationId, UUID id) {
        return records.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Record"));
    }

    private List<ActionView> currentActions(ImprovementRecord record) {
        return actions.of(record.getOrganisationId(), ORIGIN, record.getId()).stream()
                .filter(a -> a.attempt() == record.getAttempt()).toList();
    }

    /** A requirement as people write it, "A.8.25 Secure development life cycle", not its catalogue key. */
    private String asWritten(String reference) {
        return catalogue.find(reference).map(r -> r.code() + " " + r.title()).orElse(reference);
    }

    /** Today in the organisation's time zone, by the injected clock. */
    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ImprovementView view(ImprovementRecord r) {
        return view(r, null);
    }

    private ImprovementView view(ImprovementRecord r, Tenant tenant) {
        Map<UUID, String> names = people.displayNames(r.getOrganisationId());
        String areaName = r.getAreaId() == null ? null : organisations.area(r.getOrganisationId(), r.getAreaId()).name();
        List<UUID> linkedIds = new ArrayList<>(r.getSimilarRecords());
        if (r.getRecurrenceOf() != null) {
            linkedIds.add(r.getRecurrenceOf());
        }
        List<RootCauseAnalysis> attempts = analyses.findByRecordIdOrderByAttemptAsc(r.getId());
        attempts.forEach(a -> linkedIds.addAll(a.getSimilarRecords()));
        Map<UUID, ImprovementView.Link> links = links(r.getOrganisationId(), linkedIds);
        Map<String, Object> rca = detail(r.getRcaDetail());
        @SuppressWarnings("unchecked")
        List<String> whys = (List<String>) rca.getOrDefault("whys", List.of());
        @SuppressWarnings("unchecked")
        Map<String, String> fishbone = (Map<String, String>) rca.getOrDefault("fishbone", Map.of());
        List<SimilarRecord> suggestions = similar(r.getOrganisationId(), termsOf(r), r.getId());
        List<EffectivenessReview> reviewed = reviews.findByRecordIdOrderByReviewedAtAsc(r.getId());
        List<ImprovementView.Review> reviewViews = reviewed.stream()
                .map(v -> new ImprovementView.Review(v.getAttempt(), v.getReviewerId(),
                        names.getOrDefault(v.getReviewerId(), "(former member)"), v.getMethod(), v.getEvidence(),
                        v.isEffective(), v.getIndependenceNote(), v.getReviewedAt()))
                .toList();
        return new ImprovementView(r.getId(), r.getReference(), r.getKind(), r.getTitle(), r.getDescription(),
                r.getSource(), r.getSourceReference(), r.getSourceId(), r.getGrade(), r.getStatus(), r.getAreaId(), areaName,
                r.getOwnerId(), names.get(r.getOwnerId()), r.getRaisedBy(),
                names.getOrDefault(r.getRaisedBy(), "(former member)"), r.getRaisedAt(), r.getTargetDate(),
                r.getRequirements(), r.getTags(), r.getRejectionReason(), r.getCorrection(), r.getConsequences(),
                r.getContainedAt(), r.getReviewSummary(), r.getRcaMethod(), whys, fishbone,
                (String) rca.get("faultTree"), r.getRcaExplanation(), r.getRootCause(),
                r.getSimilarRecords().stream().map(links::get).filter(Objects::nonNull).toList(),
                r.getCouldOccurElsewhere(), r.getElsewhereJudgement(), r.getCorrectiveActionNeeded(),
                r.getNoActionJustification(), r.getAnalysedAt(), r.getAttempt(), r.getImplementedAt(),
                r.getEffectivenessDue(), r.getIsmsChanges(), r.getEvaluation(), r.getEvaluationReason(),
                r.getDeferredUntil(), r.getBenefitRealised(), links.get(r.getRecurrenceOf()),
                r.isEffectivenessQuestioned(), r.getClosedAt(), analysesOf(r, attempts, reviewed, links, names), actions.of(r.getOrganisationId(), ORIGIN, r.getId()),
                reviewViews, evidence.of(r.getOrganisationId(), r.getId()),
                tenant == null ? List.of() : allowedSteps(tenant, r), suggestions,
                (int) suggestions.stream().filter(x -> x.kind() == Kind.NONCONFORMITY
                        && x.raisedAt().isAfter(r.getRaisedAt().minus(365, ChronoUnit.DAYS))).count(),
                r.getVersion());
    }

    private static boolean isManager(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
    }
}
