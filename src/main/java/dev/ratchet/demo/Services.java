package dev.ratchet.demo;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.change.ChangeManagement;
import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.review.ReviewManagement;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/** The services the story goes through: the same ones the pages and the API use. */
@Component
class Services {

    final OrganisationManagement organisations;
    final PolicyManagement policies;
    final ObjectiveManagement objectives;
    final ObligationManagement obligations;
    final ChangeManagement changes;
    final AuditManagement audits;
    final IncidentManagement incidents;
    final ImprovementManagement improvements;
    final FeedbackManagement feedback;
    final ReviewManagement reviews;
    final ActionManagement actions;
    final dev.ratchet.risk.RiskCriteriaManagement riskCriteria;
    final dev.ratchet.risk.RiskManagement risks;
    final dev.ratchet.risk.TreatmentPlan treatmentPlan;
    final dev.ratchet.soa.SoaManagement soa;
    /** Flushed and cleared between the story's events, so that its one long transaction does not slow down as it grows. */
    final EntityManager entities;

    Services(OrganisationManagement organisations, PolicyManagement policies, ObjectiveManagement objectives,
            ObligationManagement obligations, ChangeManagement changes, AuditManagement audits, IncidentManagement incidents,
            ImprovementManagement improvements, FeedbackManagement feedback, ReviewManagement reviews, ActionManagement actions,
            EntityManager entities, dev.ratchet.risk.RiskCriteriaManagement riskCriteria, dev.ratchet.risk.RiskManagement risks,
            dev.ratchet.risk.TreatmentPlan treatmentPlan, dev.ratchet.soa.SoaManagement soa) {
        this.riskCriteria = riskCriteria;
        this.risks = risks;
        this.treatmentPlan = treatmentPlan;
        this.soa = soa;
        this.organisations = organisations;
        this.policies = policies;
        this.objectives = objectives;
        this.obligations = obligations;
        this.changes = changes;
        this.audits = audits;
        this.incidents = incidents;
        this.improvements = improvements;
        this.feedback = feedback;
        this.reviews = reviews;
        this.actions = actions;
        this.entities = entities;
    }
}
