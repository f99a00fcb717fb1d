package dev.ratchet.objective;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.objective.domain.Measurement;
import dev.ratchet.objective.domain.MeasurementRepository;
import dev.ratchet.objective.domain.Objective;
import dev.ratchet.objective.domain.ObjectiveRepository;
import dev.ratchet.objective.domain.ObjectiveReview;
import dev.ratchet.objective.domain.ObjectiveReviewRepository;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;
import dev.ratchet.tabular.CsvImport;
import dev.ratchet.tabular.Importer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Objectives, their measurements and yearly reviews; on/off target; the opportunity an objective off target suggests. */
@Service
@Transactional
public class ObjectiveManagement implements Importer<ObjectiveManagement.ImportRow> {

    public static final String REGISTER = "objective-measurements";
    static final int MAX_IMPORT_ROWS = 50_000;
    public static final List<CsvImport.Field> IMPORT_FIELDS = List.of(
            CsvImport.Field.required("Objective", "the objective's reference, such as OBJ-01"),
            CsvImport.Field.required("Date", "the day measured or the end of the period, such as 2026-03-31"),
            CsvImport.Field.required("Value", "the measured value, such as 92.5"),
            CsvImport.Field.optional("Comment", "what explains the value"));

    private final ObjectiveRepository objectives;
    private final MeasurementRepository measurements;
    private final ObjectiveReviewRepository reviews;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;

    ObjectiveManagement(ObjectiveRepository objectives, MeasurementRepository measurements, ObjectiveReviewRepository reviews,
            ImprovementManagement improvements, OrganisationManagement organisations, People people,
            Clock clock) {
        this.objectives = objectives;
        this.measurements = measurements;
        this.reviews = reviews;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    public ObjectiveView create(Tenant tenant, ObjectiveForm form) {
        requireManager(tenant);
        checkOwner(tenant.organisationId(), form.getOwnerId());
        String reference = nextReference(tenant.organisationId());
        Objective objective = objectives.saveAndFlush(new Objective(tenant.organisationId(), reference, form, clock.instant()));
        return get(tenant.organisationId(), objective.getId());
    }

    private String nextReference(UUID organisationId) {
        long n = objectives.countByOrganisationId(organisationId) + 1;
        while (objectives.findByOrganisationIdAndReferenceIgnoreCase(organisationId, "OBJ-%02d".formatted(n)).isPresent()) {
            n++;
        }
        return "OBJ-%02d".formatted(n);
    }

    public ObjectiveView update(Tenant tenant, UUID id, ObjectiveForm form) {
        requireManager(tenant);
        Objective objective = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), objective.getVersion());
        checkOwner(tenant.organisationId(), form.getOwnerId());
        objective.apply(form);
        objectives.flush();
        return get(tenant.organisationId(), id);
    }

    /** The owner of the objective or the ISMS manager enters a measurement. */
    public ObjectiveView measure(Tenant tenant, UUID id, MeasurementForm form) {
        Objective objective = find(tenant.organisationId(), id);
        if (!isManager(tenant) && !tenant.userId().equals(objective.getOwnerId())) {
            throw new AccessDeniedException("The objective's owner or the ISMS manager enters measurements");
        }
        if (Objective.RETIRED.equals(objective.getStatus())) {
            throw Refused.conflict("This objective is retired: it is no longer measured");
        }
        if (form.getMeasuredOn().isAfter(today(tenant.organisationId()))) {
            throw Refused.field("measuredOn", "A measurement cannot be dated in the future");
        }
        if (measurements.findByObjectiveIdAndMeasuredOn(id, form.getMeasuredOn()).isPresent()) {
            throw Refused.field("measuredOn", "There is a measurement for " + form.getMeasuredOn() + " already");
        }
        measurements.saveAndFlush(new Measurement(objective, form.getMeasuredOn(), form.getValue(), form.getComment(),
                Measurement.ENTERED, tenant.userId(), clock.instant()));
        return get(tenant.organisationId(), id);
    }

    public ObjectiveView review(Tenant tenant, UUID id, ReviewForm form) {
        requireManager(tenant);
        Objective objective = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), objective.getVersion());
        reviews.saveAndFlush(new ObjectiveReview(objective, today(tenant.organisationId()), tenant.userId(), form.getOutcome(),
                form.getConclusion()));
        if (form.getOutcome() == ReviewOutcome.RETIRE) {
            objective.retire();
            objectives.flush();
        }
        return get(tenant.organisationId(), id);
    }

    /** The opportunity Ratchet proposes for an objective: the text says how far off target it has been. */
    @Transactional(readOnly = true)
    public RaiseForm proposeRaise(UUID organisationId, UUID id) {
        ObjectiveView o = get(organisationId, id);
        RaiseForm form = new RaiseForm();
        form.setKind(Kind.OPPORTUNITY);
        form.setTitle(Texts.truncate(o.reference() + " off target: " + o.title(), 200));
        StringBuilder text = new StringBuilder("Objective ").append(o.reference()).append(" (").append(o.title())
                .append(") has the target ").append(o.targetText()).append(" for: ").append(o.measure()).append('.');
        if (o.periodsOffTarget() > 0) {
            text.append("\n\nOff target in the last ").append(o.periodsOffTarget()).append(" measurement")
                    .append(o.periodsOffTarget() == 1 ? "" : "s").append(':');
            List<ObjectiveView.MeasurementView> list = o.measurements();
            for (int i = Math.max(0, list.size() - o.periodsOffTarget()); i < list.size(); i++) {
                ObjectiveView.MeasurementView m = list.get(i);
                text.append("\n- ").append(m.measuredOn()).append(": ").append(m.value().stripTrailingZeros().toPlainString())
                        .append(o.unit() == null ? "" : " " + o.unit()).append(m.comment() == null ? "" : " (" + m.comment() + ")");
            }
        }
        form.setDescription(Texts.truncate(text.toString(), 8000));
        form.setOwnerId(o.ownerId());
        return form;
    }

    public ImprovementView raise(Tenant tenant, UUID id, RaiseForm form) {
        Objective objective = find(tenant.organisationId(), id);
        return improvements.raise(tenant, Source.OBJECTIVE_REVIEW, objective.getId(), objective.getReference(), form);
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ObjectiveView get(UUID organisationId, UUID id) {
        Objective o = find(organisationId, id);
        Map<UUID, String> names = people.displayNames(organisationId);
        List<Measurement> values = measurements.findByObjectiveIdOrderByMeasuredOnAsc(id);
        List<ObjectiveView.MeasurementView> views = values.stream().map(m -> new ObjectiveView.MeasurementView(m.getId(),
                m.getMeasuredOn(), m.getMeasuredValue(), m.getCommentText(), m.getOrigin(),
                names.getOrDefault(m.getEnteredBy(), "(former member)"),
                o.getDirection().meets(m.getMeasuredValue(), o.getTarget()))).toList();
        List<ObjectiveView.ReviewView> reviewViews = reviews.findByObjectiveIdOrderByReviewedOnDesc(id).stream()
                .map(r -> new ObjectiveView.ReviewView(r.getReviewedOn(), names.getOrDefault(r.getReviewerId(), "(former member)"),
                        r.getOutcome(), r.getConclusion())).toList();
        List<ImprovementView.Link> raised = improvements.raisedFrom(organisationId, id);
        int off = periodsOffTarget(o, values);
        boolean openRaised = raised.stream().anyMatch(l -> l.status() != Status.CLOSED && l.status() != Status.REJECTED);
        LocalDate last = values.isEmpty() ? null : values.get(values.size() - 1).getMeasuredOn();
        LocalDate created = LocalDate.ofInstant(o.getCreatedAt(), zone(organisationId));
        LocalDate lastReview = reviewViews.isEmpty() ? created : reviewViews.get(0).reviewedOn();
        return new ObjectiveView(o.getId(), o.getReference(), o.getTitle(), o.getMeasure(), o.getUnit(), o.getTarget(),
                o.getDirection(), o.getFrequency(), o.getOwnerId(),
                o.getOwnerId() == null ? null : names.getOrDefault(o.getOwnerId(), "(former member)"), o.getDataSource(),
                o.getStatus(), o.getCreatedAt(), views, reviewViews, raised,
                values.isEmpty() ? null : views.get(views.size() - 1).onTarget(), off,
                off >= 2 && !openRaised && Objective.ACTIVE.equals(o.getStatus()),
                (last == null ? created : last).plusMonths(o.getFrequency().months()), lastReview.plusYears(1), o.getVersion());
    }

    /** How many of the latest measurements in a row miss the target. */
    private static int periodsOffTarget(Objective o, List<Measurement> values) {
        int off = 0;
        for (int i = values.size() - 1; i >= 0 && !o.getDirection().meets(values.get(i).getMeasuredValue(), o.getTarget()); i--) {
            off++;
        }
        return off;
    }

    @Transactional(readOnly = true)
    public Page<ObjectiveSummary> search(UUID organisationId, String status, UUID ownerId, String text, Pageable pageable) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
        Page<Objective> page = objectives.search(organisationId, status == null || status.isBlank() ? null : status, ownerId,
                pattern, pageable);
        Map<UUID, String> names = people.displayNames(organisationId);
        Map<UUID, List<Measurement>> values = measurements.findByObjectiveIdInOrderByMeasuredOnAsc(
                page.getContent().stream().map(Objective::getId).toList()).stream()
                .collect(Collectors.groupingBy(Measurement::getObjectiveId));
        return page.map(o -> {
            List<Measurement> list = values.getOrDefault(o.getId(), List.of());
            Measurement latest = list.isEmpty() ? null : list.get(list.size() - 1);
            return new ObjectiveSummary(o.getId(), o.getReference(), o.getTitle(), o.getMeasure(),
                    o.getDirection().label() + " " + o.getTarget().stripTrailingZeros().toPlainString() + (o.getUnit() == null ? "" : " " + o.getUnit()),
                    o.getFrequency(), o.getOwnerId() == null ? null : names.getOrDefault(o.getOwnerId(), "(former member)"),
                    o.getStatus(), latest == null ? null : latest.getMeasuredOn(), latest == null ? null : latest.getMeasuredValue(),
                    latest == null ? null : o.getDirection().meets(latest.getMeasuredValue(), o.getTarget()), periodsOffTarget(o, list));
        });
    }

    // --- importing measurements --------------------------------------------------------------------------------

    public record ImportRow(Objective objective, LocalDate measuredOn, BigDecimal value, String comment) {
    }

    /** Reads a CSV of measurements; nothing is written. Problems name the row and column. */
    @Override
    @Transactional(readOnly = true)
    public CsvImport.Result<ImportRow> check(Tenant tenant, byte[] content) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        Map<String, Objective> byReference = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<UUID, Set<LocalDate>> existing = new HashMap<>();
        LocalDate today = today(org);
        try {
            return CsvImport.read(new ByteArrayInputStream(content), IMPORT_FIELDS, MAX_IMPORT_ROWS, zone(org), row -> {
                String reference = row.text("Objective", 20);
                LocalDate on = row.date("Date");
                BigDecimal value = row.decimal("Value");
                String comment = row.text("Comment", 2000);
                Objective objective = null;
                if (reference != null) {
                    objective = byReference.computeIfAbsent(reference.strip().toUpperCase(),
                            r -> objectives.findByOrganisationIdAndReferenceIgnoreCase(org, r).orElse(null));
                    if (objective == null) {
                        row.problem("Objective", "No objective " + reference + " in this organisation");
                    }
                    else if (Objective.RETIRED.equals(objective.getStatus())) {
                        row.problem("Objective", objective.getReference() + " is retired");
                    }
                }
                if (on != null && on.isAfter(today)) {
                    row.problem("Date", "In the future");
                }
                if (objective != null && on != null) {
                    if (!seen.add(objective.getReference() + "|" + on)) {
                        row.problem("Date", "A second value for " + objective.getReference() + " on " + on + " in this file");
                    }
                    else if (existing.computeIfAbsent(objective.getId(), measurements::measuredOn).contains(on)) {
                        row.problem("Date", objective.getReference() + " has a measurement for " + on + " already");
                    }
                }
                return row.failed() ? null : new ImportRow(objective, on, value, comment);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every measurement of the organisation, in the columns the measurement import reads, a page at a time. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<MeasurementRow> measurementRows(UUID organisationId, org.springframework.data.domain.Pageable pageable) {
        return measurements.rows(organisationId, pageable);
    }

    @Override
    public String register() {
        return REGISTER;
    }

    @Override
    public List<CsvImport.Field> fields() {
        return IMPORT_FIELDS;
    }

    @Override
    public int write(Tenant tenant, List<ImportRow> rows) {
        List<Measurement> values = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            values.add(new Measurement(row.objective(), row.measuredOn(), row.value(), row.comment(), Measurement.IMPORTED,
                    tenant.userId(), clock.instant()));
        }
        measurements.saveAll(values);
        measurements.flush();
        return values.size();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Objective find(UUID organisationId, UUID id) {
        return objectives.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Objective"));
    }

    private void checkOwner(UUID organisationId, UUID ownerId) {
        if (ownerId != null) {
            people.requireAssignable(organisationId, ownerId, "ownerId", "The owner must be an active member of this organisation");
        }
    }

    private static boolean isManager(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
    }

    private static void requireManager(Tenant tenant) {
        if (!isManager(tenant)) {
            throw new AccessDeniedException("The ISMS manager sets and reviews objectives");
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

}
