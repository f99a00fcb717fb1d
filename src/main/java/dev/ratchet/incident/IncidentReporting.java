package dev.ratchet.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionView;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.catalogue.FrameworkScopes;
import dev.ratchet.incident.domain.Incident;
import dev.ratchet.incident.domain.IncidentReport;
import dev.ratchet.incident.domain.IncidentReportRepository;
import dev.ratchet.incident.domain.IncidentRepository;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NIS2 and DORA incident reporting. When the organisation answers to NIS2 or DORA, the ISMS manager classifies an
 * incident (significant under NIS2; major under DORA from the criteria met), and Ratchet owes its reports: each
 * deadline counted from the time of awareness (see {@link ReportStage}) and tracked as an action of the person who
 * reports, reminded and escalated the minute it passes; the incident keeps when each report was sent.
 */
@Service
@Transactional
public class IncidentReporting {

    static final String ORIGIN = "INCIDENT_REPORT";

    private final IncidentRepository incidents;
    private final IncidentReportRepository reports;
    private final ActionManagement actions;
    private final FrameworkScopes scopes;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;

    IncidentReporting(IncidentRepository incidents, IncidentReportRepository reports, ActionManagement actions,
            FrameworkScopes scopes, OrganisationManagement organisations, People people, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.actions = actions;
        this.scopes = scopes;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public IncidentReportView of(UUID organisationId, UUID incidentId) {
        Incident incident = find(organisationId, incidentId);
        ZoneId zone = organisations.zone(organisationId);
        boolean classified = incident.isNis2Significant() || incident.isDoraMajor();
        // An incident not classified owes no report: its page does not ask for them.
        Map<UUID, String> names = classified ? people.displayNames(organisationId) : Map.of();
        Instant now = clock.instant();
        List<IncidentReportView.Report> owed = !classified ? List.of() : reports.findByOrganisationIdAndIncidentIdOrderByPosition(organisationId, incidentId).stream()
                .map(r -> new IncidentReportView.Report(r.getId(), r.getRegime(), r.getStage(), r.getStage().label(), r.getStage().rule(),
                        r.getStage().requirement(), local(r.getDueAt(), zone), r.getActionId(), local(r.getSentAt(), zone),
                        r.getSentBy() == null ? null : names.getOrDefault(r.getSentBy(), "(former member)"), r.getSentNote(),
                        r.getSentAt() != null && r.getSentAt().isAfter(r.getDueAt()),
                        r.getSentAt() == null && now.isAfter(r.getDueAt()), r.getVersion()))
                .toList();
        List<String> inScope = scopes.ids(organisationId);
        return new IncidentReportView(incidentId, local(incident.getAwareAt(), zone), incident.isNis2Significant(), incident.isDoraMajor(),
                incident.getDoraCriteria(), local(incident.getClassifiedAt(), zone),
                incident.getClassifiedBy() == null ? null : names.getOrDefault(incident.getClassifiedBy(), "(former member)"),
                inScope.contains(ReportStage.Regime.NIS2.framework()), inScope.contains(ReportStage.Regime.DORA.framework()),
                owed, incident.getVersion());
    }

    /**
     * Classifies the incident and plans the reports a new classification brings. Refused: a regime the organisation
     * does not answer to (on its field), a reporter who cannot be given work, an edit of an older version (409).
     */
    public IncidentReportView classify(Tenant tenant, UUID incidentId, ClassificationForm form) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        Incident incident = find(org, incidentId);
        Refused.requireCurrentVersion(form.getVersion(), incident.getVersion());
        List<String> inScope = scopes.ids(org);
        if (form.isNis2Significant() && !inScope.contains(ReportStage.Regime.NIS2.framework())) {
            throw Refused.field("nis2Significant", "NIS2 is not among the frameworks in scope (Settings, Frameworks): put it in scope first");
        }
        if (!form.getDoraCriteria().isEmpty() && !inScope.contains(ReportStage.Regime.DORA.framework())) {
            throw Refused.field("doraCriteria", "DORA is not among the frameworks in scope (Settings, Frameworks): put it in scope first");
        }
        if (!form.isNis2Significant() && !DoraCriterion.major(form.getDoraCriteria()) && !incident.isNis2Significant()) {
            throw Refused.field(form.getDoraCriteria().isEmpty() ? "nis2Significant" : "doraCriteria",
                    "As classified it owes no report: neither significant under NIS2 nor major under DORA (major needs critical services "
                            + "affected and malicious access, or two other criteria)");
        }
        people.requireAssignable(org, form.getReporterId(), "reporterId", "The reporter must be an active member of this organisation");
        Instant now = clock.instant();
        Set<ReportStage.Regime> before = regimes(incident);
        incident.classify(form.getAwareAt() == null ? null : form.getAwareAt().toInstant(), form.isNis2Significant(),
                new LinkedHashSet<>(form.getDoraCriteria()), tenant.userId(), now);
        Set<ReportStage.Regime> after = regimes(incident);
        after.removeAll(before);
        ZoneId zone = organisations.zone(org);
        for (ReportStage.Regime regime : after) {
            List<IncidentReport> owed = new ArrayList<>();
            Instant previous = null;
            for (ReportStage stage : ReportStage.of(regime)) {
                Instant due = deadline(stage, incident.getAwareAt(), now, previous);
                owed.add(new IncidentReport(org, incidentId, stage, due));
                previous = due;
            }
            List<PlannedAction> planned = owed.stream().map(r -> new PlannedAction(
                    regime.label() + " " + r.getStage().label().toLowerCase() + " for " + incident.getReference() + " to " + regime.recipient(),
                    r.getStage().label() + " of the " + regime.classification() + " " + incident.getReference() + " (" + incident.getTitle()
                            + "), " + r.getStage().rule() + " (" + r.getStage().requirement().substring(r.getStage().requirement().indexOf(':') + 1) + ").",
                    form.getReporterId(), r.getDueAt().atZone(zone).toLocalDate(),
                    "The " + r.getStage().label().toLowerCase() + " is sent to " + regime.recipient() + " before the deadline and recorded on the incident",
                    r.getDueAt())).toList();
            List<ActionView> tracked = actions.plan(org, ORIGIN, incidentId, incident.getReference(), null, 1, planned);
            for (int i = 0; i < owed.size(); i++) {
                owed.get(i).tracked(tracked.get(i).id());
            }
            reports.saveAll(owed);
        }
        incidents.flush();
        reports.flush();
        return of(org, incidentId);
    }

    /**
     * Records that a report was sent: the action tracking it is done, and a report whose deadline follows from this one
     * (NIS2's final report a month after the notification; DORA's next report) is brought forward when this one went early.
     */
    public IncidentReportView sent(Tenant tenant, UUID incidentId, UUID reportId, ReportSentForm form) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        find(org, incidentId);
        List<IncidentReport> owed = reports.findByOrganisationIdAndIncidentIdOrderByPosition(org, incidentId);
        IncidentReport report = owed.stream().filter(r -> r.getId().equals(reportId)).findFirst()
                .orElseThrow(() -> Refused.notFound("report"));
        Refused.requireCurrentVersion(form.getVersion(), report.getVersion());
        Instant now = clock.instant();
        report.sent(form.getSentAt() == null ? null : form.getSentAt().toInstant(), tenant.userId(), form.getNote(), now);
        ZoneId zone = organisations.zone(org);
        if (report.getActionId() != null) {
            ActionView action = actions.get(org, report.getActionId());
            if (!action.status().isFinished()) {
                actions.complete(org, action.id(), tenant.userId(), true, "Sent to " + report.getRegime().recipient() + " at "
                        + dev.ratchet.shared.Dates.DAY.format(report.getSentAt().atZone(zone)) + " " + TIME.format(report.getSentAt().atZone(zone))
                        + (report.getSentNote() == null ? "" : ": " + report.getSentNote()), action.version());
            }
        }
        // The next report of the regime, when its deadline runs from this one.
        owed.stream().filter(r -> r.getRegime() == report.getRegime() && r.getPosition() == report.getPosition() + 1
                && r.getSentAt() == null && follows(r.getStage())).findFirst().ifPresent(next -> {
                    Instant due = deadline(next.getStage(), null, null, report.getSentAt());
                    if (due.isBefore(next.getDueAt())) {
                        next.due(due);
                        if (next.getActionId() != null) {
                            actions.moveDeadline(org, next.getActionId(), due, due.atZone(zone).toLocalDate(),
                                    "The " + report.getStage().label().toLowerCase() + " was sent early: the deadline runs from then");
                        }
                    }
                });
        reports.flush();
        return of(org, incidentId);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm z");

    /** Whether a stage's deadline runs from the previous report (rather than from awareness). */
    private static boolean follows(ReportStage stage) {
        return stage != ReportStage.NIS2_EARLY_WARNING && stage != ReportStage.NIS2_NOTIFICATION && stage != ReportStage.DORA_INITIAL_NOTIFICATION;
    }

    /** A stage's deadline: from awareness, from classification (DORA's 4 hours), or from the previous report. */
    static Instant deadline(ReportStage stage, Instant aware, Instant classified, Instant previous) {
        return switch (stage) {
            case NIS2_EARLY_WARNING, NIS2_NOTIFICATION -> aware.plus(stage.within());
            case DORA_INITIAL_NOTIFICATION -> {
                Instant fromAwareness = aware.plus(stage.within());
                Instant fromClassification = classified.plus(java.time.Duration.ofHours(4));
                yield fromClassification.isBefore(fromAwareness) ? fromClassification : fromAwareness;
            }
            case DORA_INTERMEDIATE_REPORT -> previous.plus(stage.within());
            case NIS2_FINAL_REPORT, DORA_FINAL_REPORT -> previous.atOffset(java.time.ZoneOffset.UTC).plusMonths(stage.months()).toInstant();
        };
    }

    private static Set<ReportStage.Regime> regimes(Incident incident) {
        Set<ReportStage.Regime> regimes = new LinkedHashSet<>();
        if (incident.isNis2Significant()) {
            regimes.add(ReportStage.Regime.NIS2);
        }
        if (incident.isDoraMajor()) {
            regimes.add(ReportStage.Regime.DORA);
        }
        return regimes;
    }

    private Incident find(UUID organisationId, UUID id) {
        return incidents.findById(id).filter(i -> i.getOrganisationId().equals(organisationId))
                .orElseThrow(() -> Refused.notFound("incident"));
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager classifies incidents and records their reports");
        }
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
