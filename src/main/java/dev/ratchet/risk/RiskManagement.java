package dev.ratchet.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionStatus;
import dev.ratchet.action.ActionView;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.risk.domain.Risk;
import dev.ratchet.risk.domain.RiskAcceptance;
import dev.ratchet.risk.domain.RiskAcceptanceRepository;
import dev.ratchet.risk.domain.RiskAssessment;
import dev.ratchet.risk.domain.RiskAssessmentRepository;
import dev.ratchet.risk.domain.RiskConcern;
import dev.ratchet.risk.domain.RiskConcernRepository;
import dev.ratchet.risk.domain.RiskQuery;
import dev.ratchet.risk.domain.RiskRepository;
import dev.ratchet.risk.domain.RiskTreatment;
import dev.ratchet.risk.domain.RiskTreatmentRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register (6.1.2, 8.2) and the risk treatment plan (6.1.3, 8.3). A risk is assessed under the criteria in
 * force, and every assessment is kept as a dated entry. Treatment actions are actions of the tracker. The residual
 * level is accepted by whom the criteria name for it, until an expiry, and the acceptance ends by itself when the
 * level, the treatment or the owner changes. Records of the improvement loop that concern a risk ask its owner for a
 * re-assessment, as an action.
 */
@Service
@Transactional
public class RiskManagement {

    /** The origin of treatment actions in the tracker. */
    public static final String TREATMENT_ORIGIN = "RISK";
    /** The origin of the actions asking a risk owner to re-assess a risk. */
    public static final String REASSESSMENT_ORIGIN = "RISK_ASSESSMENT";
    /** The origin of the action reminding a risk owner that an acceptance ends. */
    public static final String ACCEPTANCE_ORIGIN = "RISK_ACCEPTANCE";

    private final RiskRepository risks;
    private final RiskAssessmentRepository assessments;
    private final RiskAcceptanceRepository acceptances;
    private final RiskTreatmentRepository treatments;
    private final RiskConcernRepository concerns;
    private final RiskCriteriaManagement criteria;
    private final ActionManagement actions;
    private final CatalogueManagement catalogue;
    private final OrganisationManagement organisations;
    private final LoopRecords loop;
    private final People people;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RiskManagement(RiskRepository risks, RiskAssessmentRepository assessments, RiskAcceptanceRepository acceptances,
            RiskTreatmentRepository treatments, RiskConcernRepository concerns, RiskCriteriaManagement criteria, ActionManagement actions,
            CatalogueManagement catalogue, OrganisationManagement organisations, LoopRecords loop, People people, JdbcTemplate jdbc,
            Clock clock) {
        this.risks = risks;
        this.assessments = assessments;
        this.acceptances = acceptances;
        this.treatments = treatments;
        this.concerns = concerns;
        this.criteria = criteria;
        this.actions = actions;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.loop = loop;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- recording and changing ----------------------------------------------------------------------------------

    public RiskView record(Tenant tenant, NewRiskForm form) {
        return get(tenant.organisationId(), insert(tenant, form, null));
    }

    /** Records a risk under the reference given (an import keeps the spreadsheet's), or the next one when none is. */
    UUID insert(Tenant tenant, NewRiskForm form, String reference) {
        RiskCriteriaManagement.requireManager(tenant);
        UUID org = tenant.organisationId();
        RiskCriteriaView inForce = requireCriteria(org);
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> requirements = collect(problems, () -> check(tenant, form));
        Risk.Levels levels = collect(problems, () -> rate(inForce, form.getAssessment(), "assessment.", null));
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        Risk risk = new Risk(org, reference != null ? reference : nextReference(org), clock.instant());
        risk.describe(form.getTitle(), form.getThreat(), form.getVulnerability(), form.getConsequence(), form.getAssets(),
                form.getAreaId(), form.getOwnerId(), form.getCategory(), requirements, form.getExistingControls(), form.getTreatment());
        LocalDate today = today(org);
        risk.assessed(inForce.id(), levels, today, today.plusMonths(inForce.cadenceMonths()));
        risks.saveAndFlush(risk);
        assessments.saveAndFlush(new RiskAssessment(risk, AssessmentReason.INITIAL, levels, form.getAssessment().getNote(), null,
                tenant.userId(), today, clock.instant()));
        return risk.getId();
    }

    public RiskView update(Tenant tenant, UUID id, RiskForm form) {
        RiskCriteriaManagement.requireManager(tenant);
        Risk risk = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), risk.getVersion());
        List<String> requirements = check(tenant, form);
        String before = describeAcceptanceTerms(risk);
        boolean affected = risk.describe(form.getTitle(), form.getThreat(), form.getVulnerability(), form.getConsequence(),
                form.getAssets(), form.getAreaId(), form.getOwnerId(), form.getCategory(), requirements, form.getExistingControls(),
                form.getTreatment());
        if (affected) {
            endAcceptance(tenant, risk, "Withdrawn because the risk changed (" + before + " → " + describeAcceptanceTerms(risk) + ")");
        }
        risks.flush();
        return get(tenant.organisationId(), id);
    }

    private String describeAcceptanceTerms(Risk risk) {
        return "owner " + people.memberOf(risk.getOrganisationId(), risk.getOwnerId()).map(People.Person::displayName).orElse("(former member)")
                + ", treatment " + risk.getTreatment().label().toLowerCase(Locale.ROOT);
    }

    /**
     * A re-assessment under the criteria in force, by the risk owner or the ISMS manager. Lowering the current level on
     * the strength of a treatment action needs that action done: the control is implemented, not only planned. An
     * acceptance in force ends when the current level changes; the re-assessments asked of the owner are done.
     */
    public RiskView assess(Tenant tenant, UUID id, AssessmentForm form) {
        UUID org = tenant.organisationId();
        Risk risk = find(org, id);
        requireOwnerOrManager(tenant, risk, "The risk owner or the ISMS manager assesses the risk");
        Refused.requireCurrentVersion(form.getVersion(), risk.getVersion());
        RiskCriteriaView inForce = requireCriteria(org);
        Risk.Levels levels = rate(inForce, form, "", risk);
        LocalDate today = today(org);
        boolean levelChanged = risk.assessed(inForce.id(), levels, today, today.plusMonths(inForce.cadenceMonths()));
        risks.flush();
        assessments.saveAndFlush(new RiskAssessment(risk, form.getReason(), levels, form.getNote(), form.getBasisActionId(),
                tenant.userId(), today, clock.instant()));
        if (levelChanged) {
            endAcceptance(tenant, risk, "Withdrawn because the risk was re-assessed at " + inForce.level(levels.currentLevel()).name());
        }
        for (ActionView asked : actions.of(org, REASSESSMENT_ORIGIN, id)) {
            if (!asked.status().isFinished()) {
                actions.complete(org, asked.id(), tenant.userId(), true, "Re-assessed on " + today + " ("
                        + inForce.level(levels.currentLevel()).name() + ")", asked.version());
            }
        }
        return get(org, id);
    }

    /** Checks an assessment against the criteria in force and gives its levels. */
    private Risk.Levels rate(RiskCriteriaView c, AssessmentForm form, String prefix, Risk risk) {
        Map<String, String> problems = new LinkedHashMap<>();
        checkPoint(problems, prefix + "inherentLikelihood", form.getInherentLikelihood(), c.likelihoods().size(), "likelihood");
        checkPoint(problems, prefix + "inherentImpact", form.getInherentImpact(), c.impacts().size(), "impact");
        checkPoint(problems, prefix + "currentLikelihood", form.getCurrentLikelihood(), c.likelihoods().size(), "likelihood");
        checkPoint(problems, prefix + "currentImpact", form.getCurrentImpact(), c.impacts().size(), "impact");
        Optional<RiskCriteriaView.Level> target = c.levels().stream()
                .filter(l -> form.getTargetLevel() != null && l.name().equalsIgnoreCase(form.getTargetLevel().strip())).findFirst();
        if (target.isEmpty()) {
            problems.put(prefix + "targetLevel", "Choose the target level among "
                    + String.join(", ", c.levels().stream().map(RiskCriteriaView.Level::name).toList()));
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        int inherent = c.levelOf(form.getInherentLikelihood(), form.getInherentImpact()).index();
        int current = c.levelOf(form.getCurrentLikelihood(), form.getCurrentImpact()).index();
        if (current > inherent) {
            problems.put(prefix + "currentLikelihood", "With the controls in place the level (" + c.level(current).name()
                    + ") cannot be above the level without them (" + c.level(inherent).name() + ")");
        }
        if (target.get().index() > current) {
            problems.put(prefix + "targetLevel", "The target cannot be above the current level (" + c.level(current).name() + ")");
        }
        if (form.getReason() == AssessmentReason.TREATMENT && form.getBasisActionId() == null) {
            problems.put(prefix + "basisActionId", "Name the treatment action that was implemented");
        }
        if (form.getBasisActionId() != null) {
            Optional<ActionView> basis = risk == null ? Optional.empty() : actions.of(risk.getOrganisationId(), TREATMENT_ORIGIN, risk.getId())
                    .stream().filter(a -> a.id().equals(form.getBasisActionId())).findFirst();
            if (basis.isEmpty()) {
                problems.put(prefix + "basisActionId", "That is not a treatment action of this risk");
            }
            else if (basis.get().status() != ActionStatus.DONE) {
                problems.put(prefix + "basisActionId", "\"" + Texts.excerpt(basis.get().title()) + "\" is not done: the control is not "
                        + "implemented yet, so the current level cannot be lowered on its strength");
            }
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        return new Risk.Levels(form.getInherentLikelihood(), form.getInherentImpact(), inherent, form.getCurrentLikelihood(),
                form.getCurrentImpact(), current, target.get().index());
    }

    /** Runs a check, keeping its field problems with those of the other checks so that all are named at once. */
    private static <T> T collect(Map<String, String> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        }
        catch (Refused refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            problems.putAll(refused.fieldErrors());
            return null;
        }
    }

    private static void checkPoint(Map<String, String> problems, String field, Integer value, int size, String what) {
        if (value == null || value < 1 || value > size) {
            problems.put(field, "Choose a " + what + " from 1 to " + size);
        }
    }

    private List<String> check(Tenant tenant, RiskForm form) {
        UUID org = tenant.organisationId();
        Map<String, String> problems = new LinkedHashMap<>();
        people.cannotBeGivenWork(org, form.getOwnerId(), "The risk owner must be an active member of this organisation")
                .ifPresent(why -> problems.put("ownerId", why));
        if (form.getAreaId() != null) {
            try {
                organisations.area(org, form.getAreaId());
            }
            catch (Refused notFound) {
                problems.put("areaId", "Choose an area of this organisation");
            }
        }
        List<String> requirements = catalogue.resolveAll("requirements", form.getRequirements(), problems);
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        return requirements;
    }

    // --- acceptance ----------------------------------------------------------------------------------------------

    /**
     * Accepts the risk's residual level, by whom the criteria in force name for its level (top management may accept
     * whatever a risk owner may). A level nobody may accept is refused: it must be treated. A new acceptance replaces
     * the one in force. The owner is reminded before it expires.
     */
    public RiskView accept(Tenant tenant, UUID id, AcceptanceForm form) {
        UUID org = tenant.organisationId();
        Risk risk = find(org, id);
        Refused.requireCurrentVersion(form.getVersion(), risk.getVersion());
        if (risk.getStatus() == RiskStatus.CLOSED) {
            throw Refused.conflict(risk.getReference() + " is closed: there is nothing to accept");
        }
        RiskCriteriaView inForce = requireCriteria(org);
        if (!inForce.id().equals(risk.getCriteriaId())) {
            throw Refused.conflict(risk.getReference() + " was assessed under an earlier version of the risk criteria: re-assess it under "
                    + "version " + inForce.number() + " before accepting it");
        }
        RiskCriteriaView.Level level = inForce.level(risk.getCurrentLevel());
        AcceptedBy as;
        switch (level.acceptedBy()) {
            case NOBODY -> throw Refused.conflict(risk.getReference() + " is at level " + level.name() + ", above the risk acceptance "
                    + "criteria (version " + inForce.number() + "): nobody may accept it; treat it until its level may be accepted");
            case TOP_MANAGEMENT -> {
                if (!tenant.hasAnyRole("MANAGEMENT")) {
                    throw new AccessDeniedException("At level " + level.name() + " the risk acceptance criteria ask top management to accept the risk");
                }
                as = AcceptedBy.TOP_MANAGEMENT;
            }
            default -> {
                if (tenant.userId().equals(risk.getOwnerId())) {
                    as = AcceptedBy.RISK_OWNER;
                }
                else if (tenant.hasAnyRole("MANAGEMENT")) {
                    as = AcceptedBy.TOP_MANAGEMENT;
                }
                else {
                    throw new AccessDeniedException("The risk owner (or top management) accepts a risk at level " + level.name());
                }
            }
        }
        LocalDate today = today(org);
        if (!form.getExpiresOn().isAfter(today)) {
            throw Refused.field("expiresOn", "The acceptance ends after today");
        }
        if (form.getExpiresOn().isAfter(today.plusYears(3))) {
            throw Refused.field("expiresOn", "Accept for at most three years: the acceptance must be reviewed");
        }
        acceptances.findFirstByRiskIdAndStatus(id, AcceptanceStatus.ACTIVE).ifPresent(active -> {
            active.withdraw("Replaced by a new acceptance", clock.instant());
            cancelReminders(tenant, risk, "The acceptance was replaced by a new one");
        });
        acceptances.saveAndFlush(new RiskAcceptance(risk, level.name(), tenant.userId(), as, form.getRationale(), form.getExpiresOn(),
                clock.instant()));
        risk.accepted();
        risks.flush();
        actions.plan(org, ACCEPTANCE_ORIGIN, id, risk.getReference(), risk.getAreaId(), 1, List.of(new PlannedAction(
                Texts.truncate("Review the acceptance of " + risk.getReference() + ": " + risk.getTitle(), 200),
                "The acceptance of the residual risk ends on " + form.getExpiresOn() + ". Re-assess the risk and accept it again, or treat it.",
                risk.getOwnerId(), form.getExpiresOn(), "The risk is re-assessed and accepted again or treated before the acceptance ends")));
        return get(org, id);
    }

    /** The owner, top management or the ISMS manager withdraws the acceptance in force. */
    public RiskView withdrawAcceptance(Tenant tenant, UUID id, CloseForm form) {
        Risk risk = find(tenant.organisationId(), id);
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER", "MANAGEMENT") && !tenant.userId().equals(risk.getOwnerId())) {
            throw new AccessDeniedException("The risk owner, top management or the ISMS manager withdraws an acceptance");
        }
        Refused.requireCurrentVersion(form.getVersion(), risk.getVersion());
        if (acceptances.findFirstByRiskIdAndStatus(id, AcceptanceStatus.ACTIVE).isEmpty()) {
            throw Refused.conflict(risk.getReference() + " has no acceptance in force");
        }
        endAcceptance(tenant, risk, "Withdrawn by " + tenant.userName() + ": " + form.getReason().strip());
        risks.flush();
        return get(tenant.organisationId(), id);
    }

    private void endAcceptance(Tenant tenant, Risk risk, String reason) {
        acceptances.findFirstByRiskIdAndStatus(risk.getId(), AcceptanceStatus.ACTIVE).ifPresent(active -> {
            active.withdraw(Texts.truncate(reason, 1000), clock.instant());
            risk.acceptanceEnded();
            cancelReminders(tenant, risk, Texts.truncate(reason, 500));
        });
    }

    private void cancelReminders(Tenant tenant, Risk risk, String reason) {
        for (ActionView reminder : actions.of(risk.getOrganisationId(), ACCEPTANCE_ORIGIN, risk.getId())) {
            if (!reminder.status().isFinished()) {
                actions.cancel(risk.getOrganisationId(), reminder.id(), tenant == null ? risk.getOwnerId() : tenant.userId(), true, reason,
                        reminder.version());
            }
        }
    }

    /** Ends the acceptances whose expiry has passed in their organisation's zone; returns how many. */
    public int expireAcceptances(int batch) {
        int expired = 0;
        LocalDate latest = LocalDate.now(clock).plusDays(1);
        for (RiskAcceptance acceptance : acceptances.findTop500ByStatusAndExpiresOnBeforeOrderByExpiresOn(AcceptanceStatus.ACTIVE, latest)) {
            if (expired >= batch || !acceptance.getExpiresOn().isBefore(today(acceptance.getOrganisationId()))) {
                continue;
            }
            Risk risk = find(acceptance.getOrganisationId(), acceptance.getRiskId());
            acceptance.expire(clock.instant());
            risk.acceptanceEnded();
            expired++;
        }
        risks.flush();
        return expired;
    }

    /**
     * The cadence of the criteria, reminded: a risk whose re-assessment falls due within its organisation's reminder
     * lead time, and that has no re-assessment asked of its owner already, gets one, due on the date the cadence sets.
     * Bounded work per run, soonest first; a backlog is taken over the following runs.
     */
    public int remindReassessments(int batch) {
        LocalDate horizon = LocalDate.now(clock).plusDays(120);
        List<UUID> due = jdbc.query("""
                select r.id from risk r where r.status <> 'CLOSED' and r.next_assessment_due <= ? and not exists (
                  select 1 from action_item a where a.organisation_id = r.organisation_id and a.origin_id = r.id
                    and a.origin_type = 'RISK_ASSESSMENT' and a.status in ('OPEN', 'IN_PROGRESS'))
                order by r.next_assessment_due limit ?""", (rs, i) -> rs.getObject(1, UUID.class), java.sql.Date.valueOf(horizon), batch);
        Map<UUID, LocalDate> remindFrom = new HashMap<>();
        int planned = 0;
        for (Risk risk : risks.findAllById(due)) {
            UUID org = risk.getOrganisationId();
            LocalDate from = remindFrom.computeIfAbsent(org, o -> today(o).plusDays(organisations.get(o).reminderLeadDays()));
            if (risk.getNextAssessmentDue().isAfter(from) || people.cannotBeGivenWork(org, risk.getOwnerId(), "gone").isPresent()) {
                continue; // not yet within the lead time, or an owner who has left: the register shows it overdue to the manager
            }
            actions.plan(org, REASSESSMENT_ORIGIN, risk.getId(), risk.getReference(), risk.getAreaId(), 1, List.of(new PlannedAction(
                    Texts.truncate("Re-assess " + risk.getReference() + " (scheduled): " + risk.getTitle(), 200),
                    "The risk criteria ask for a re-assessment of each risk at their cadence. Check the likelihood, the impact and the "
                            + "treatment, and record the re-assessment in Ratchet.",
                    risk.getOwnerId(), risk.getNextAssessmentDue().isBefore(today(org)) ? today(org) : risk.getNextAssessmentDue(),
                    "A re-assessment of " + risk.getReference() + " is recorded")));
            planned++;
        }
        return planned;
    }

    // --- closing -------------------------------------------------------------------------------------------------

    public RiskView close(Tenant tenant, UUID id, CloseForm form) {
        RiskCriteriaManagement.requireManager(tenant);
        Risk risk = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), risk.getVersion());
        endAcceptance(tenant, risk, "Withdrawn because the risk was closed");
        risk.close(form.getReason());
        risks.flush();
        return get(tenant.organisationId(), id);
    }

    public RiskView reopen(Tenant tenant, UUID id, Long version) {
        RiskCriteriaManagement.requireManager(tenant);
        Risk risk = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(version, risk.getVersion());
        risk.reopen();
        risks.flush();
        return get(tenant.organisationId(), id);
    }

    // --- treatment -----------------------------------------------------------------------------------------------

    /** Plans a treatment action (the risk owner or the ISMS manager), with the controls it implements. */
    public RiskView planTreatment(Tenant tenant, UUID id, TreatmentForm form) {
        UUID org = tenant.organisationId();
        Risk risk = find(org, id);
        requireOwnerOrManager(tenant, risk, "The risk owner or the ISMS manager plans the risk's treatment");
        if (risk.getStatus() == RiskStatus.CLOSED) {
            throw Refused.conflict(risk.getReference() + " is closed: reopen it to plan its treatment");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> controls = catalogue.resolveAll("controls", form.getControls(), problems);
        if (form.getDueDate() != null && form.getDueDate().isBefore(today(org))) {
            problems.put("dueDate", "The due date is today or later");
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        ActionView planned;
        try {
            planned = actions.plan(org, TREATMENT_ORIGIN, id, risk.getReference(), risk.getAreaId(), 1, List.of(new PlannedAction(
                    form.getTitle().strip(), form.getDescription() == null ? null : form.getDescription().strip(), form.getOwnerId(),
                    form.getDueDate(), form.getSuccessCriteria().strip()))).get(0);
        }
        catch (Refused refused) {
            // the tracker names the fields of its first action: actions[0].ownerId becomes ownerId
            Map<String, String> renamed = new LinkedHashMap<>();
            refused.fieldErrors().forEach((field, message) -> renamed.put(field.replace("actions[0].", ""),
                    message.replace("action 1: ", "")));
            throw renamed.isEmpty() ? refused : Refused.fields(renamed);
        }
        treatments.saveAndFlush(new RiskTreatment(risk, planned.id(), controls, clock.instant()));
        return get(org, id);
    }

    // --- records of the loop that concern a risk -------------------------------------------------------------------

    /**
     * A nonconformity, an incident, an ISMS change or an obligation concerns the risk: the link is kept, and the risk
     * owner is asked to re-assess it, as an action due within the organisation's reminder lead time.
     */
    public RiskView concern(Tenant tenant, UUID id, ConcernForm form) {
        UUID org = tenant.organisationId();
        Risk risk = find(org, id);
        if (risk.getStatus() == RiskStatus.CLOSED) {
            throw Refused.conflict(risk.getReference() + " is closed: reopen it first");
        }
        LoopRecords.Record record = loop.find(org, form.getReference())
                .orElseThrow(() -> Refused.field("reference", "No nonconformity, opportunity, incident, change or obligation "
                        + Texts.excerpt(form.getReference().strip()) + " in this organisation"));
        if (concerns.existsByRiskIdAndRecordId(id, record.id())) {
            throw Refused.field("reference", record.reference() + " is linked to " + risk.getReference() + " already");
        }
        RiskConcern concern = concerns.save(new RiskConcern(risk, record.type(), record.id(), record.reference(),
                Texts.truncate(record.title(), 300), tenant.userId(), clock.instant()));
        LocalDate due = today(org).plusDays(Math.max(7, organisations.get(org).reminderLeadDays()));
        ActionView asked = actions.plan(org, REASSESSMENT_ORIGIN, id, risk.getReference(), risk.getAreaId(), 1, List.of(new PlannedAction(
                Texts.truncate("Re-assess " + risk.getReference() + " after " + record.reference() + ": " + risk.getTitle(), 200),
                record.reference() + " (" + Texts.excerpt(record.title()) + ") concerns this risk. Check whether its likelihood, impact or "
                        + "treatment must change, and record the re-assessment in Ratchet.",
                risk.getOwnerId(), due, "A re-assessment of " + risk.getReference() + " is recorded, naming " + record.reference()))).get(0);
        concern.asked(asked.id());
        concerns.flush();
        return get(org, id);
    }

    /** The risks a record of the loop concerns, for that record's page. */
    @Transactional(readOnly = true)
    public List<RiskSummary> concerning(UUID organisationId, UUID recordId) {
        List<UUID> ids = concerns.findByOrganisationIdAndRecordId(organisationId, recordId).stream().map(RiskConcern::getRiskId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, RiskCriteriaView> all = criteria.all(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        LocalDate today = today(organisationId);
        return risks.findByOrganisationIdAndIdIn(organisationId, ids).stream().map(r -> summary(r, all, names, today)).toList();
    }

    // --- reading -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RiskView get(UUID organisationId, UUID id) {
        Risk r = find(organisationId, id);
        Map<UUID, RiskCriteriaView> all = criteria.all(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        RiskCriteriaView c = all.get(r.getCriteriaId());
        Optional<RiskCriteriaView> inForce = all.values().stream().filter(v -> v.status() == CriteriaStatus.APPROVED).findFirst();
        LocalDate today = today(organisationId);
        List<RiskView.Assessment> history = assessments.findByRiskIdOrderByAssessedAtDesc(id).stream().map(a -> {
            RiskCriteriaView under = all.get(a.getCriteriaId());
            Risk.Levels l = a.levels();
            return new RiskView.Assessment(a.getId(), a.getAssessedOn(), a.getAssessedAt(), a.getAssessedBy(),
                    names.getOrDefault(a.getAssessedBy(), "(former member)"), a.getReason(), under.number(),
                    rating(under, l.inherentLikelihood(), l.inherentImpact(), l.inherentLevel()),
                    rating(under, l.currentLikelihood(), l.currentImpact(), l.currentLevel()), level(under, l.targetLevel()), a.getNote(),
                    a.getBasisActionId());
        }).toList();
        List<RiskView.Acceptance> accepted = acceptances.findByRiskIdOrderByAcceptedAtDesc(id).stream()
                .map(a -> new RiskView.Acceptance(a.getId(), a.getAcceptedBy(), names.getOrDefault(a.getAcceptedBy(), "(former member)"),
                        a.getAcceptedAs(), a.getAcceptedAt(), a.getRationale(), a.getExpiresOn(), a.getLevelName(), a.getTreatment(),
                        a.getStatus(), a.getEndedAt(), a.getEndReason())).toList();
        Map<UUID, List<String>> controlsByAction = new HashMap<>();
        treatments.findByRiskId(id).forEach(t -> controlsByAction.put(t.getActionId(), t.getControls()));
        List<RiskView.TreatmentAction> plan = actions.of(organisationId, TREATMENT_ORIGIN, id).stream()
                .map(a -> new RiskView.TreatmentAction(a, controlsByAction.getOrDefault(a.id(), List.of()))).toList();
        Map<UUID, ActionView> asked = new HashMap<>();
        actions.of(organisationId, REASSESSMENT_ORIGIN, id).forEach(a -> asked.put(a.id(), a));
        List<RiskConcern> concernRows = concerns.findByRiskIdOrderByRequestedAtDesc(id);
        Map<UUID, String> outcomes = loop.outcomes(organisationId, concernRows.stream().filter(k -> "IMPROVEMENT".equals(k.getRecordType()))
                .map(RiskConcern::getRecordId).toList());
        List<RiskView.Concern> concernedBy = concernRows.stream().map(k -> {
            ActionView action = k.getActionId() == null ? null : asked.get(k.getActionId());
            return new RiskView.Concern(k.getId(), k.getRecordType(), k.getRecordId(), k.getRecordReference(), k.getRecordTitle(),
                    LoopRecords.path(k.getRecordType(), k.getRecordId()), outcomes.get(k.getRecordId()), k.getRequestedAt(),
                    names.getOrDefault(k.getRequestedBy(), "(former member)"), k.getActionId(),
                    action != null && action.status() == ActionStatus.DONE);
        }).toList();
        Optional<RiskView.Acceptance> active = accepted.stream().filter(a -> a.status() == AcceptanceStatus.ACTIVE).findFirst();
        String areaName = r.getAreaId() == null ? null : organisations.area(organisationId, r.getAreaId()).name();
        Risk.Levels l = r.levels();
        return new RiskView(r.getId(), r.getReference(), r.getTitle(), r.getThreat(), r.getVulnerability(), r.getConsequence(),
                r.getAssets(), r.getAreaId(), areaName, r.getOwnerId(), names.getOrDefault(r.getOwnerId(), "(former member)"),
                r.getCategory(), r.getRequirements(), r.getExistingControls(), c.number(),
                inForce.map(f -> f.id().equals(c.id())).orElse(false),
                rating(c, l.inherentLikelihood(), l.inherentImpact(), l.inherentLevel()),
                rating(c, l.currentLikelihood(), l.currentImpact(), l.currentLevel()), level(c, l.targetLevel()), r.getTreatment(),
                r.getStatus(), r.getAssessedOn(), r.getNextAssessmentDue(),
                r.getStatus() != RiskStatus.CLOSED && r.getNextAssessmentDue().isBefore(today), c.level(l.currentLevel()).acceptedBy(),
                active.orElse(null), accepted, history, plan, concernedBy, r.getClosedReason(), r.getCreatedAt(), r.getVersion());
    }

    @Transactional(readOnly = true)
    public Page<RiskSummary> search(UUID organisationId, RiskFilter filter, Pageable pageable) {
        Map<UUID, RiskCriteriaView> all = criteria.all(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        LocalDate today = today(organisationId);
        List<Integer> unacceptable = all.values().stream().filter(v -> v.status() == CriteriaStatus.APPROVED).findFirst()
                .map(v -> v.levels().stream().filter(l -> l.acceptedBy() == AcceptedBy.NOBODY).map(RiskCriteriaView.Level::index).toList())
                .orElse(List.of());
        return risks.findAll(RiskQuery.of(organisationId, filter, today, unacceptable), pageable).map(r -> summary(r, all, names, today));
    }

    /** Risks per likelihood and impact (inherent or current) under the criteria in force, in one grouped query. */
    @Transactional(readOnly = true)
    public Optional<HeatMap> heatMap(UUID organisationId, boolean inherent) {
        Optional<RiskCriteriaView> found = criteria.inForce(organisationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RiskCriteriaView c = found.get();
        String l = inherent ? "inherent_likelihood" : "current_likelihood";
        String i = inherent ? "inherent_impact" : "current_impact";
        Map<Long, Long> counts = new HashMap<>();
        long[] outside = new long[1];
        long[] total = new long[1];
        jdbc.query("select " + l + ", " + i + ", count(*) from risk where organisation_id = ? and status <> 'CLOSED' group by " + l + ", " + i,
                rs -> {
                    int likelihood = rs.getInt(1);
                    int impact = rs.getInt(2);
                    long n = rs.getLong(3);
                    total[0] += n;
                    if (c.fits(likelihood, impact)) {
                        counts.put(likelihood * 100L + impact, n);
                    }
                    else {
                        outside[0] += n;
                    }
                }, organisationId);
        List<HeatMap.Row> rows = new ArrayList<>();
        for (RiskCriteriaView.Point likelihood : c.likelihoodsHighFirst()) {
            List<HeatMap.Cell> cells = new ArrayList<>();
            for (RiskCriteriaView.Point impact : c.impacts()) {
                RiskCriteriaView.Level level = c.levelOf(likelihood.value(), impact.value());
                cells.add(new HeatMap.Cell(likelihood.value(), impact.value(), level.index(), level.name(),
                        counts.getOrDefault(likelihood.value() * 100L + impact.value(), 0L)));
            }
            rows.add(new HeatMap.Row(likelihood.value(), likelihood.name(), cells));
        }
        return Optional.of(new HeatMap(inherent, rows, c.impacts().stream().map(RiskCriteriaView.Point::name).toList(), total[0], outside[0]));
    }

    /**
     * The open risks calling for each control or requirement, by naming it or by a treatment action implementing it:
     * the reasons the Statement of Applicability gives for including a control.
     */
    @Transactional(readOnly = true)
    public Map<String, List<dev.ratchet.shared.RecordLink>> risksByControl(UUID organisationId) {
        Map<String, java.util.Set<UUID>> seen = new HashMap<>();
        Map<String, List<dev.ratchet.shared.RecordLink>> links = new java.util.TreeMap<>();
        java.util.function.BiConsumer<String, dev.ratchet.shared.RecordLink> add = (requirement, link) -> {
            if (seen.computeIfAbsent(requirement, k -> new java.util.HashSet<>()).add(link.id())) {
                links.computeIfAbsent(requirement, k -> new ArrayList<>()).add(link);
            }
        };
        jdbc.query("""
                select q.requirement, r.id, r.reference, r.title from risk_requirement q join risk r on r.id = q.risk_id
                where r.organisation_id = ? and r.status <> 'CLOSED' order by r.reference""",
                rs -> { add.accept(rs.getString(1), new dev.ratchet.shared.RecordLink(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))); },
                organisationId);
        jdbc.query("""
                select t.controls, r.id, r.reference, r.title from risk_treatment t join risk r on r.id = t.risk_id
                where r.organisation_id = ? and r.status <> 'CLOSED' and t.controls is not null order by r.reference""", rs -> {
            for (String control : rs.getString(1).split(",")) {
                add.accept(control, new dev.ratchet.shared.RecordLink(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
            }
        }, organisationId);
        return links;
    }

    /**
     * The management review's figures of risk (input f). {@code previousReview}: when the previous review's pack was
     * frozen, to count the risks by level as they then stood (from the assessments kept) and the acceptances ended since;
     * null for a first review.
     */
    @Transactional(readOnly = true)
    public RiskReviewFigures reviewFigures(UUID organisationId, java.time.Instant previousReview, TreatmentPlan.Figures treatment) {
        Optional<RiskCriteriaView> inForce = criteria.inForce(organisationId);
        LocalDate today = today(organisationId);
        Map<Integer, Long> now = new java.util.TreeMap<>();
        jdbc.query("select current_level, count(*) from risk where organisation_id = ? and status <> 'CLOSED' group by current_level",
                rs -> { now.put(rs.getInt(1), rs.getLong(2)); }, organisationId);
        Map<Integer, Long> then = new java.util.TreeMap<>();
        if (previousReview != null) {
            jdbc.query("""
                    select a.current_level, count(*) from risk_assessment a where a.organisation_id = ? and a.assessed_at = (
                      select max(b.assessed_at) from risk_assessment b where b.risk_id = a.risk_id and b.assessed_at <= ?)
                    group by a.current_level""", rs -> { then.put(rs.getInt(1), rs.getLong(2)); }, organisationId,
                    java.sql.Timestamp.from(previousReview));
        }
        List<RiskReviewFigures.LevelCount> byLevel = new ArrayList<>();
        java.util.Set<Integer> levels = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        levels.addAll(now.keySet());
        levels.addAll(then.keySet());
        inForce.ifPresent(c -> c.levels().forEach(l -> levels.add(l.index())));
        for (int level : levels) {
            String name = inForce.map(c -> c.level(level).name()).orElse("Level " + (level + 1));
            byLevel.add(new RiskReviewFigures.LevelCount(name, now.getOrDefault(level, 0L),
                    previousReview == null ? null : then.getOrDefault(level, 0L)));
        }
        List<Integer> unacceptable = inForce.map(c -> c.levels().stream().filter(l -> l.acceptedBy() == AcceptedBy.NOBODY)
                .map(RiskCriteriaView.Level::index).toList()).orElse(List.of());
        List<String> above = risks.findAll(RiskQuery.of(organisationId, new RiskFilter(null, null, null, null, null, null, false, null, null,
                true, null, null), today, unacceptable), RiskFilter.order("level")).stream().map(r -> r.getReference() + " " + r.getTitle()).toList();
        List<String> overdue = risks.findAll(RiskQuery.of(organisationId, new RiskFilter(null, null, null, null, null, null, false, null, true,
                null, null, null), today, unacceptable), RiskFilter.order("due")).stream().map(r -> r.getReference() + " " + r.getTitle()).toList();
        Long expired = previousReview == null
                ? jdbc.queryForObject("select count(*) from risk_acceptance where organisation_id = ? and status = 'EXPIRED'", Long.class, organisationId)
                : jdbc.queryForObject("select count(*) from risk_acceptance where organisation_id = ? and status = 'EXPIRED' and ended_at > ?",
                        Long.class, organisationId, java.sql.Timestamp.from(previousReview));
        return new RiskReviewFigures(inForce.map(RiskCriteriaView::number).orElse(null), byLevel, above.size(),
                above.subList(0, Math.min(20, above.size())), treatment.actionsOpen(), treatment.actionsOverdue(), treatment.actionsDone(),
                treatment.acceptancesInForce(), treatment.acceptancesExpiringSoon(), expired == null ? 0 : expired, overdue.size(),
                overdue.subList(0, Math.min(20, overdue.size())));
    }

    /** The categories in use, for the register's filter and the form's suggestions. */
    @Transactional(readOnly = true)
    public List<String> categories(UUID organisationId) {
        return jdbc.queryForList("select distinct category from risk where organisation_id = ? and category is not null order by category",
                String.class, organisationId);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private RiskSummary summary(Risk r, Map<UUID, RiskCriteriaView> all, Map<UUID, String> names, LocalDate today) {
        RiskCriteriaView c = all.get(r.getCriteriaId());
        Risk.Levels l = r.levels();
        return new RiskSummary(r.getId(), r.getReference(), r.getTitle(), r.getThreat(), r.getVulnerability(), r.getConsequence(),
                r.getAssets(), r.getOwnerId(), names.getOrDefault(r.getOwnerId(), "(former member)"), r.getCategory(), r.getExistingControls(),
                rating(c, l.inherentLikelihood(), l.inherentImpact(), l.inherentLevel()),
                rating(c, l.currentLikelihood(), l.currentImpact(), l.currentLevel()), level(c, l.targetLevel()), r.getTreatment(),
                r.getStatus(), r.getAssessedOn(), r.getNextAssessmentDue(),
                r.getStatus() != RiskStatus.CLOSED && r.getNextAssessmentDue().isBefore(today), c.number(), String.join(", ", r.getRequirements()));
    }

    private static RiskView.Rating rating(RiskCriteriaView c, int likelihood, int impact, int level) {
        return new RiskView.Rating(likelihood, c.likelihoodName(likelihood), impact, c.impactName(impact), level(c, level));
    }

    private static RiskView.Level level(RiskCriteriaView c, int index) {
        return new RiskView.Level(index, c.level(index).name());
    }

    private RiskCriteriaView requireCriteria(UUID organisationId) {
        return criteria.inForce(organisationId).orElseThrow(() -> Refused.conflict(
                "No risk criteria are approved yet: top management approves them (Risks → Criteria) before risks are assessed"));
    }

    private String nextReference(UUID organisationId) {
        long n = risks.countByOrganisationId(organisationId) + 1;
        while (risks.existsByOrganisationIdAndReferenceIgnoreCase(organisationId, "RSK-%03d".formatted(n))) {
            n++;
        }
        return "RSK-%03d".formatted(n);
    }

    private Risk find(UUID organisationId, UUID id) {
        return risks.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Risk"));
    }

    private static void requireOwnerOrManager(Tenant tenant, Risk risk, String message) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(risk.getOwnerId())) {
            throw new AccessDeniedException(message);
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }
}
