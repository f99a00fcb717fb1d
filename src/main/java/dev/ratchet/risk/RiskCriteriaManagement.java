package dev.ratchet.risk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.risk.domain.CriteriaContent;
import dev.ratchet.risk.domain.RiskCriteria;
import dev.ratchet.risk.domain.RiskCriteriaRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk criteria (6.1.2 a–b): likelihood and impact scales, the matrix that gives a level to each pair, who may
 * accept a risk at each level, and how often risks are re-assessed. Versioned like a policy: the ISMS manager edits a
 * draft, top management approves it, and the approved version is locked and in force until a later one is approved.
 * Every assessment records the version it used. Until an organisation saves a draft, Ratchet proposes its defaults.
 */
@Service
@Transactional
public class RiskCriteriaManagement {

    private final RiskCriteriaRepository criteria;
    private final People people;
    private final Clock clock;

    RiskCriteriaManagement(RiskCriteriaRepository criteria, People people, Clock clock) {
        this.criteria = criteria;
        this.people = people;
        this.clock = clock;
    }

    /** The version in force: the approved one. */
    @Transactional(readOnly = true)
    public Optional<RiskCriteriaView> inForce(UUID organisationId) {
        return criteria.findFirstByOrganisationIdAndStatus(organisationId, CriteriaStatus.APPROVED).map(c -> view(c, names(organisationId)));
    }

    /** The version to work on: the stored draft, or (when no criteria were ever saved) Ratchet's defaults, unsaved. */
    @Transactional(readOnly = true)
    public Optional<RiskCriteriaView> draft(UUID organisationId) {
        Optional<RiskCriteria> draft = criteria.findFirstByOrganisationIdAndStatus(organisationId, CriteriaStatus.DRAFT);
        if (draft.isPresent()) {
            return Optional.of(view(draft.get(), Map.of()));
        }
        if (criteria.lastNumber(organisationId) == 0) {
            return Optional.of(view(null, 1, CriteriaStatus.DRAFT, defaults(), null, null, null, null, 0));
        }
        return Optional.empty();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<RiskCriteriaView> versions(UUID organisationId) {
        Map<UUID, String> names = names(organisationId);
        return criteria.findByOrganisationIdOrderByNumberDesc(organisationId).stream().map(c -> view(c, names)).toList();
    }

    @Transactional(readOnly = true)
    public RiskCriteriaView get(UUID organisationId, UUID id) {
        return view(find(organisationId, id), names(organisationId));
    }

    /** The version with this id, for views of assessments made under it; cached per call by the caller. */
    @Transactional(readOnly = true)
    public Map<UUID, RiskCriteriaView> all(UUID organisationId) {
        Map<UUID, String> names = names(organisationId);
        Map<UUID, RiskCriteriaView> all = new LinkedHashMap<>();
        criteria.findByOrganisationIdOrderByNumberDesc(organisationId).forEach(c -> all.put(c.getId(), view(c, names)));
        return all;
    }

    /** Saves the draft: the stored one (at the version edited), or the first version when none was ever saved. */
    public RiskCriteriaView saveDraft(Tenant tenant, RiskCriteriaForm form) {
        requireManager(tenant);
        CriteriaContent content = check(form);
        UUID org = tenant.organisationId();
        Optional<RiskCriteria> draft = criteria.findFirstByOrganisationIdAndStatus(org, CriteriaStatus.DRAFT);
        RiskCriteria saved;
        if (draft.isPresent()) {
            Refused.requireCurrentVersion(form.getVersion(), draft.get().getVersion());
            draft.get().revise(content);
            saved = draft.get();
        }
        else if (criteria.lastNumber(org) == 0) {
            saved = criteria.save(new RiskCriteria(org, 1, content, tenant.userId(), clock.instant()));
        }
        else {
            throw Refused.conflict("The approved risk criteria are locked: start a new version to change them");
        }
        criteria.flush();
        return view(saved, Map.of());
    }

    /** Starts a new draft from the version in force, to change approved criteria. */
    public RiskCriteriaView newVersion(Tenant tenant) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        if (criteria.findFirstByOrganisationIdAndStatus(org, CriteriaStatus.DRAFT).isPresent()) {
            throw Refused.conflict("A draft of the risk criteria exists already: change it, or approve it first");
        }
        RiskCriteria current = criteria.findFirstByOrganisationIdAndStatus(org, CriteriaStatus.APPROVED)
                .orElseThrow(() -> Refused.conflict("No version of the risk criteria is approved yet: change and approve the draft"));
        RiskCriteria draft = criteria.saveAndFlush(new RiskCriteria(org, criteria.lastNumber(org) + 1, current.content(), tenant.userId(),
                clock.instant()));
        return view(draft, Map.of());
    }

    /**
     * Top management approves the draft: it is locked and in force, and the version in force before it is superseded.
     * When no draft was saved yet, the defaults shown are what is approved.
     */
    public RiskCriteriaView approve(Tenant tenant, Long version, String note) {
        if (!tenant.hasAnyRole("MANAGEMENT")) {
            throw new AccessDeniedException("Top management approves the risk criteria");
        }
        UUID org = tenant.organisationId();
        RiskCriteria draft = criteria.findFirstByOrganisationIdAndStatus(org, CriteriaStatus.DRAFT).orElse(null);
        if (draft == null) {
            if (criteria.lastNumber(org) != 0) {
                throw Refused.conflict("There is no draft of the risk criteria to approve: start a new version first");
            }
            if (version != null && version != 0) {
                throw Refused.staleEdit();
            }
            draft = criteria.save(new RiskCriteria(org, 1, defaults(), tenant.userId(), clock.instant()));
        }
        else {
            Refused.requireCurrentVersion(version, draft.getVersion());
        }
        criteria.findFirstByOrganisationIdAndStatus(org, CriteriaStatus.APPROVED).ifPresent(RiskCriteria::supersede);
        criteria.flush();
        draft.approve(tenant.userId(), note, clock.instant());
        criteria.flush();
        return view(draft, names(org));
    }

    /** The form of a version, to edit it. */
    public static RiskCriteriaForm form(RiskCriteriaView view) {
        RiskCriteriaForm form = new RiskCriteriaForm();
        view.likelihoods().forEach(p -> form.getLikelihoods().add(new RiskCriteriaForm.Point(p.name(), p.description())));
        view.impacts().forEach(p -> form.getImpacts().add(new RiskCriteriaForm.Point(p.name(), p.description())));
        view.levels().forEach(l -> form.getLevels().add(new RiskCriteriaForm.Level(l.name(), l.acceptedBy())));
        view.matrix().forEach(row -> form.getMatrix().add(new ArrayList<>(row)));
        form.setCadenceMonths(view.cadenceMonths());
        form.setReassessWhen(view.reassessWhen());
        form.setVersion(view.id() == null ? null : view.version());
        return form;
    }

    // --- checking ----------------------------------------------------------------------------------------------

    /** Checks a draft, naming every problem by its field, and drops the blank rows the page leaves at the end. */
    static CriteriaContent check(RiskCriteriaForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<CriteriaContent.Point> likelihoods = points(form.getLikelihoods(), "likelihoods", "likelihood", problems);
        List<CriteriaContent.Point> impacts = points(form.getImpacts(), "impacts", "impact", problems);
        List<RiskCriteriaForm.Level> levelRows = trim(form.getLevels(), RiskCriteriaForm.Level::blank);
        List<CriteriaContent.Level> levels = new ArrayList<>();
        if (levelRows.size() < 2 || levelRows.size() > 6) {
            problems.put("levels", "Give 2 to 6 risk levels, lowest first");
        }
        java.util.Set<String> levelNames = new java.util.HashSet<>();
        for (int i = 0; i < levelRows.size(); i++) {
            RiskCriteriaForm.Level row = levelRows.get(i);
            if (row.blank()) {
                problems.put("levels[" + i + "].name", "Name level " + (i + 1));
            }
            else if (!levelNames.add(row.getName().strip().toLowerCase(Locale.ROOT))) {
                problems.put("levels[" + i + "].name", "Two levels are called " + row.getName().strip());
            }
            if (row.getAcceptedBy() == null) {
                problems.put("levels[" + i + "].acceptedBy", "Say who may accept a risk at level " + (i + 1));
            }
            levels.add(new CriteriaContent.Level(row.blank() ? "" : row.getName().strip(), row.getAcceptedBy()));
        }
        List<List<Integer>> matrix = new ArrayList<>();
        List<List<Integer>> given = form.getMatrix() == null ? List.of() : form.getMatrix();
        if (problems.isEmpty()) {
            for (int l = 0; l < likelihoods.size(); l++) {
                List<Integer> row = new ArrayList<>();
                for (int i = 0; i < impacts.size(); i++) {
                    Integer cell = l < given.size() && given.get(l) != null && i < given.get(l).size() ? given.get(l).get(i) : null;
                    String field = "matrix[" + l + "][" + i + "]";
                    if (cell == null || cell < 0 || cell >= levels.size()) {
                        problems.put(field, "Give the level of likelihood " + likelihoods.get(l).name() + " with impact " + impacts.get(i).name());
                        cell = 0;
                    }
                    else if ((l > 0 && cell < matrix.get(l - 1).get(i)) || (i > 0 && cell < row.get(i - 1))) {
                        problems.put(field, "Likelihood " + likelihoods.get(l).name() + " with impact " + impacts.get(i).name()
                                + " cannot be a lower level than a less likely or less severe risk");
                    }
                    row.add(cell);
                }
                matrix.add(row);
            }
        }
        if (form.getCadenceMonths() == null || form.getCadenceMonths() < 1 || form.getCadenceMonths() > 36) {
            problems.put("cadenceMonths", "Re-assess at least every 36 months and at most every month");
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        String when = form.getReassessWhen() == null || form.getReassessWhen().isBlank() ? null : form.getReassessWhen().strip();
        return new CriteriaContent(likelihoods, impacts, levels, matrix, form.getCadenceMonths(), when);
    }

    private static List<CriteriaContent.Point> points(List<RiskCriteriaForm.Point> given, String field, String what,
            Map<String, String> problems) {
        List<RiskCriteriaForm.Point> rows = trim(given, RiskCriteriaForm.Point::blank);
        if (rows.size() < 3 || rows.size() > 5) {
            problems.put(field, "Give 3 to 5 points of the " + what + " scale, lowest first");
        }
        List<CriteriaContent.Point> points = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RiskCriteriaForm.Point row = rows.get(i);
            String name = row.getName() == null ? "" : row.getName().strip();
            String description = row.getDescription() == null ? "" : row.getDescription().strip();
            if (name.isEmpty()) {
                problems.put(field + "[" + i + "].name", "Name " + what + " " + (i + 1));
            }
            else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.put(field + "[" + i + "].name", "Two points of the " + what + " scale are called " + name);
            }
            if (description.isEmpty()) {
                problems.put(field + "[" + i + "].description", "Describe " + what + " " + (name.isEmpty() ? String.valueOf(i + 1) : name)
                        + " so that two people choose it alike");
            }
            points.add(new CriteriaContent.Point(name, description));
        }
        return points;
    }

    /** The rows up to the last one filled in: blank rows at the end are the page's spare rows. */
    private static <T> List<T> trim(List<T> rows, java.util.function.Predicate<T> blank) {
        if (rows == null) {
            return List.of();
        }
        int end = rows.size();
        while (end > 0 && (rows.get(end - 1) == null || blank.test(rows.get(end - 1)))) {
            end--;
        }
        return rows.subList(0, end).stream().map(r -> r).toList();
    }

    // --- the defaults ------------------------------------------------------------------------------------------

    /** A 5×5 matrix with plain descriptions, so that an organisation can start at once and change what it must. */
    static CriteriaContent defaults() {
        List<CriteriaContent.Point> likelihoods = List.of(
                new CriteriaContent.Point("Rare", "Not expected in the next five years; it has not happened here or, as far as we know, to organisations like ours."),
                new CriteriaContent.Point("Unlikely", "Could happen within five years; it has happened to organisations like ours."),
                new CriteriaContent.Point("Possible", "Could well happen within the next one or two years."),
                new CriteriaContent.Point("Likely", "Expected to happen within the next year."),
                new CriteriaContent.Point("Almost certain", "Expected several times a year, or happening now."));
        List<CriteriaContent.Point> impacts = List.of(
                new CriteriaContent.Point("Negligible", "No customer notices; a few hours of work put it right; no personal data is involved."),
                new CriteriaContent.Point("Minor", "A short disruption of an internal service, or information of low sensitivity exposed; no customer or regulator is involved."),
                new CriteriaContent.Point("Moderate", "Customers notice a disruption of up to a day, or personal data of a few people is exposed, or a contract's terms are at risk."),
                new CriteriaContent.Point("Major", "A disruption of several days, the loss of important data, a personal data breach the regulator must be told of, or a key customer lost."),
                new CriteriaContent.Point("Severe", "The business cannot go on as before: lasting loss of customers' trust, sanctions by a regulator, or the loss of critical data."));
        List<CriteriaContent.Level> levels = List.of(
                new CriteriaContent.Level("Low", AcceptedBy.RISK_OWNER),
                new CriteriaContent.Level("Medium", AcceptedBy.RISK_OWNER),
                new CriteriaContent.Level("High", AcceptedBy.TOP_MANAGEMENT),
                new CriteriaContent.Level("Very high", AcceptedBy.NOBODY));
        List<List<Integer>> matrix = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            List<Integer> row = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int score = l * i;
                row.add(score <= 3 ? 0 : score <= 6 ? 1 : score <= 12 ? 2 : 3);
            }
            matrix.add(row);
        }
        return new CriteriaContent(likelihoods, impacts, levels, matrix, 12,
                "Also re-assess a risk when an incident, a nonconformity, an audit finding, a change to the ISMS or the business, "
                        + "or a legal or contractual change concerns it, and when management review asks for it.");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private RiskCriteria find(UUID organisationId, UUID id) {
        return criteria.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Risk criteria version"));
    }

    private Map<UUID, String> names(UUID organisationId) {
        return people.displayNames(organisationId);
    }

    private static RiskCriteriaView view(RiskCriteria c, Map<UUID, String> names) {
        return view(c.getId(), c.getNumber(), c.getStatus(), c.content(), c.getCreatedAt(), c.getApprovedAt(),
                c.getApprovedBy() == null ? null : names.getOrDefault(c.getApprovedBy(), "(former member)"), c.getApprovalNote(), c.getVersion());
    }

    private static RiskCriteriaView view(UUID id, int number, CriteriaStatus status, CriteriaContent content, java.time.Instant createdAt,
            java.time.Instant approvedAt, String approvedBy, String note, long version) {
        List<RiskCriteriaView.Point> likelihoods = new ArrayList<>();
        for (int i = 0; i < content.likelihoods().size(); i++) {
            likelihoods.add(new RiskCriteriaView.Point(i + 1, content.likelihoods().get(i).name(), content.likelihoods().get(i).description()));
        }
        List<RiskCriteriaView.Point> impacts = new ArrayList<>();
        for (int i = 0; i < content.impacts().size(); i++) {
            impacts.add(new RiskCriteriaView.Point(i + 1, content.impacts().get(i).name(), content.impacts().get(i).description()));
        }
        List<RiskCriteriaView.Level> levels = new ArrayList<>();
        for (int i = 0; i < content.levels().size(); i++) {
            levels.add(new RiskCriteriaView.Level(i, content.levels().get(i).name(), content.levels().get(i).acceptedBy()));
        }
        return new RiskCriteriaView(id, number, status, List.copyOf(likelihoods), List.copyOf(impacts), List.copyOf(levels),
                content.matrix().stream().map(List::copyOf).toList(), content.cadenceMonths(), content.reassessWhen(), createdAt,
                approvedAt, approvedBy, note, version);
    }

    static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the risk criteria and the risk register");
        }
    }
}
