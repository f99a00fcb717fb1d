package dev.ratchet.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.Coverage;
import dev.ratchet.audit.ProgrammeView;
import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.ImprovementDashboard;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.Source;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.objective.ObjectiveSummary;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewStatus;
import dev.ratchet.review.ReviewView;
import dev.ratchet.review.Schedule;
import dev.ratchet.review.TeamView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the dashboard from the figures each module counts in the database. */
@Service
@Transactional(readOnly = true)
public class Dashboard {


    private final ImprovementManagement improvements;
    private final ActionManagement actions;
    private final ObjectiveManagement objectives;
    private final AuditManagement audits;
    private final ReviewManagement reviews;
    private final PolicyManagement policies;
    private final dev.ratchet.catalogue.FrameworkScopes scopes;

    Dashboard(ImprovementManagement improvements, ActionManagement actions, ObjectiveManagement objectives, AuditManagement audits,
            ReviewManagement reviews, PolicyManagement policies, dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.scopes = scopes;
        this.improvements = improvements;
        this.actions = actions;
        this.objectives = objectives;
        this.audits = audits;
        this.reviews = reviews;
        this.policies = policies;
    }

    /** Today in the organisation's zone. */
    public java.time.LocalDate today(UUID organisationId) {
        return reviews.today(organisationId);
    }

    public DashboardView of(UUID organisationId) {
        var today = reviews.today(organisationId);
        ImprovementDashboard register = improvements.dashboard(organisationId, today);
        String openNcs = "/improvements?kind=NONCONFORMITY&open=true";

        List<String> labels = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Map.Entry<Source, Long> e : register.openBySource().entrySet()) {
            labels.add(e.getKey().label());
            values.add(e.getValue());
            links.add(openNcs + "&source=" + e.getKey().name());
        }
        DashboardView.Chart bySource = new DashboardView.Chart("Open nonconformities by source", labels, values, links);

        labels = new ArrayList<>();
        values = new ArrayList<>();
        links = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            labels.add(grade.label());
            values.add(register.openByGrade().getOrDefault(grade, 0L));
            links.add(openNcs + "&grade=" + grade.name());
        }
        if (register.openUngraded() > 0) {
            labels.add("Not graded yet");
            values.add(register.openUngraded());
            links.add(openNcs + "&grade=" + dev.ratchet.improvement.RegisterFilter.UNGRADED);
        }
        DashboardView.Chart byGrade = new DashboardView.Chart("Open nonconformities by grade", labels, values, links);

        DashboardView.Chart ageing = new DashboardView.Chart("Open nonconformities by age",
                register.ageing().stream().map(ImprovementDashboard.AgeBucket::label).toList(),
                register.ageing().stream().map(b -> (Number) b.count()).toList(),
                register.ageing().stream().map(b -> openNcs + (b.raisedFrom() == null ? "" : "&raisedFrom=" + b.raisedFrom())
                        + "&raisedTo=" + b.raisedTo()).toList());

        DashboardView.Chart closing = new DashboardView.Chart("Mean days to close, by month closed",
                register.closing().stream().map(ImprovementDashboard.Month::month).toList(),
                register.closing().stream().map(m -> (Number) m.meanDaysToClose()).toList(),
                register.closing().stream().map(m -> "/improvements?status=CLOSED").toList());

        List<ObjectiveSummary> active = objectives.search(organisationId, "ACTIVE", null, null, PageRequest.of(0, 500, Sort.by("reference"))).getContent();
        DashboardView.Objectives objectiveLine = new DashboardView.Objectives(active.size(),
                active.stream().filter(o -> Boolean.TRUE.equals(o.onTarget())).count(),
                active.stream().filter(o -> Boolean.FALSE.equals(o.onTarget())).count(),
                active.stream().filter(o -> o.onTarget() == null).count());

        ProgrammeView programme = audits.programme(organisationId, today.getYear());
        List<Coverage> coverages = audits.coverage(organisationId, scopes.ids(organisationId), today.getYear());
        Coverage coverage = coverages.get(0);
        DashboardView.Programme programmeLine = new DashboardView.Programme(programme.year(), programme.active(), programme.done(),
                programme.progress(), programme.approved(), coverage.total(), coverage.covered(), coverage.planned(), coverage.gaps(),
                coverages.stream().map(c -> new DashboardView.FrameworkCoverage(c.frameworkId(), c.frameworkName(), c.total(),
                        c.covered(), c.mapped(), c.planned(), c.gaps())).toList());

        Schedule schedule = reviews.schedule(organisationId);
        ReviewView planned = schedule.reviews().stream().filter(r -> r.status() == ReviewStatus.PLANNED).findFirst().orElse(null);
        List<String> missing = new ArrayList<>();
        TeamView team = reviews.team(organisationId);
        // In the words of the people who read the dashboard (the CEO chairs the review), not the clause letters.
        if (!team.configured()) {
            missing.add("who sits on the review team");
        }
        if (planned == null) {
            missing.add("a meeting date");
        } else {
            if (planned.externalInternalIssues() == null) {
                missing.add("what changed inside and outside the company");
            }
            if (planned.interestedParties() == null) {
                missing.add("what customers, regulators and partners now expect");
            }
            if (planned.riskAssessment() == null) {
                missing.add("the latest risk assessment results");
            }
        }
        DashboardView.Review review = new DashboardView.Review(schedule.nextDue(), schedule.overdue(), planned == null ? null : planned.id(),
                planned == null ? null : planned.reference(), planned == null ? null : planned.plannedDate(), missing);

        return new DashboardView(today, register, actions.overview(organisationId, today), objectiveLine, programmeLine, review,
                policies.exceptionCounts(organisationId, today, 30), bySource, byGrade, ageing, closing);
    }
}
