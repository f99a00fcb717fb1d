package dev.ratchet.incident;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.incident.domain.Incident;
import dev.ratchet.incident.domain.IncidentReferences;
import dev.ratchet.incident.domain.IncidentRepository;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;
import dev.ratchet.tabular.CsvImport;
import dev.ratchet.tabular.ImportReferences;
import dev.ratchet.tabular.Importer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The incident register: record, correct, find, export, import, and raise improvements from what was learnt. */
@Service
@Transactional
public class IncidentManagement implements Importer<IncidentManagement.ImportRow> {

    public static final String REGISTER = "incidents";
    static final int MAX_IMPORT_ROWS = 50_000;
    public static final List<CsvImport.Field> IMPORT_FIELDS = List.of(
            CsvImport.Field.optional("Reference", "the incident's reference in the other tool, unique; Ratchet numbers it when empty"),
            CsvImport.Field.required("Title", "a short title"),
            CsvImport.Field.optional("Occurred", "when it started, such as 2026-03-31 14:30"),
            CsvImport.Field.required("Detected", "when it was detected, such as 2026-03-31 15:05"),
            CsvImport.Field.optional("Resolved", "when it was resolved"),
            CsvImport.Field.required("Category", "one of " + String.join(", ", java.util.Arrays.stream(Category.values()).map(Category::label).toList())),
            CsvImport.Field.required("Severity", "Low, Medium, High or Critical"),
            CsvImport.Field.optional("Affected assets", "systems, data or equipment affected"),
            CsvImport.Field.required("Summary", "what happened"),
            CsvImport.Field.optional("Response", "how it was handled"),
            CsvImport.Field.optional("Lessons learned", "what the organisation learnt"),
            CsvImport.Field.exported("Areas", "areas are linked to an incident in Ratchet, after it is imported"));

    private final IncidentRepository incidents;
    private final IncidentReferences references;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;

    IncidentManagement(IncidentRepository incidents, IncidentReferences references, ImprovementManagement improvements,
            OrganisationManagement organisations, People people, Clock clock) {
        this.incidents = incidents;
        this.references = references;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    public IncidentView record(Tenant tenant, IncidentForm form) {
        requireManager(tenant);
        checkAreas(tenant.organisationId(), form.getAreaIds());
        ZoneId zone = zone(tenant.organisationId());
        Incident incident = describe(new Incident(tenant.organisationId(),
                references.next(tenant.organisationId(), form.getDetectedAt().atZoneSameInstant(zone).getYear()), tenant.userId(), clock.instant()), form, zone);
        incidents.saveAndFlush(incident);
        return get(tenant.organisationId(), incident.getId());
    }

    public IncidentView update(Tenant tenant, UUID id, IncidentForm form) {
        requireManager(tenant);
        Incident incident = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), incident.getVersion());
        checkAreas(tenant.organisationId(), form.getAreaIds());
        describe(incident, form, zone(tenant.organisationId()));
        incidents.flush();
        return get(tenant.organisationId(), id);
    }

    private static Incident describe(Incident incident, IncidentForm f, ZoneId zone) {
        return incident.describe(f.getTitle(), kept(incident.getOccurredAt(), f.getOccurredAt(), zone),
                kept(incident.getDetectedAt(), f.getDetectedAt(), zone), kept(incident.getResolvedAt(), f.getResolvedAt(), zone),
                f.getCategory(), f.getSeverity(), f.getAffectedAssets(), f.getAreaIds(), f.getSummary(), f.getResponse(), f.getLessonsLearned());
    }

    /**
     * The time sent, unless it is the stored one's wall-clock time unchanged: a page shows an incident of the hour the
     * clocks go back over as a local time, which reads back as the first of the two hours; sent back unchanged, the
     * stored moment stays as it was.
     */
    private static Instant kept(Instant stored, OffsetDateTime sent, ZoneId zone) {
        if (stored != null && sent != null && sent.atZoneSameInstant(zone).toLocalDateTime().equals(stored.atZone(zone).toLocalDateTime())) {
            return stored;
        }
        return instant(sent, zone);
    }

    private void checkAreas(UUID organisationId, List<UUID> areaIds) {
        for (UUID areaId : areaIds) {
            if (areaId != null) {
                organisations.area(organisationId, areaId);
            }
        }
    }

    /** What Ratchet proposes to raise from an incident: its lessons learned, as a nonconformity to analyse. */
    @Transactional(readOnly = true)
    public RaiseForm proposeRaise(UUID organisationId, UUID id) {
        IncidentView i = get(organisationId, id);
        RaiseForm form = new RaiseForm();
        form.setKind(Kind.NONCONFORMITY);
        form.setTitle(Texts.truncate(i.reference() + ": " + i.title(), 200));
        StringBuilder text = new StringBuilder("Raised from incident ").append(i.reference()).append(" (")
                .append(i.severity().label().toLowerCase(Locale.ROOT)).append(" severity, ").append(i.category().label().toLowerCase(Locale.ROOT))
                .append(").\n\n").append(i.summary());
        if (i.lessonsLearned() != null) {
            text.append("\n\nLessons learned: ").append(i.lessonsLearned());
        }
        form.setDescription(Texts.truncate(text.toString(), 8000));
        form.setAreaId(i.areas().isEmpty() ? null : i.areas().get(0).id());
        return form;
    }

    public ImprovementView raise(Tenant tenant, UUID id, RaiseForm form) {
        Incident incident = find(tenant.organisationId(), id);
        return improvements.raise(tenant, Source.INCIDENT, incident.getId(), incident.getReference(), form);
    }

    /** A record by its reference, for modules that link to it (a risk it concerns). */
    @Transactional(readOnly = true)
    public java.util.Optional<dev.ratchet.shared.RecordLink> byReference(UUID organisationId, String reference) {
        if (reference == null || reference.isBlank()) {
            return java.util.Optional.empty();
        }
        return incidents.findFirstByOrganisationIdAndReferenceIgnoreCase(organisationId, reference.strip())
                .map(r -> new dev.ratchet.shared.RecordLink(r.getId(), r.getReference(), r.getTitle()));
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public IncidentView get(UUID organisationId, UUID id) {
        Incident i = find(organisationId, id);
        ZoneId zone = zone(organisationId);
        Map<UUID, String> areaNames = areaNames(organisationId);
        return new IncidentView(i.getId(), i.getReference(), i.getTitle(), local(i.getOccurredAt(), zone),
                local(i.getDetectedAt(), zone), local(i.getResolvedAt(), zone), i.getCategory(), i.getSeverity(),
                i.getAffectedAssets(), i.getAreaIds().stream().map(a -> new IncidentView.Area(a, areaNames.getOrDefault(a, "(deleted area)"))).toList(),
                i.getSummary(), i.getResponse(), i.getLessonsLearned(),
                people.displayNames(organisationId).getOrDefault(i.getCreatedBy(), "(former member)"), i.getCreatedAt(),
                improvements.raisedFrom(organisationId, id), i.getVersion());
    }

    @Transactional(readOnly = true)
    public Page<IncidentSummary> search(UUID organisationId, IncidentFilter filter, Pageable pageable) {
        ZoneId zone = zone(organisationId);
        Map<UUID, String> areaNames = areaNames(organisationId);
        return incidents.findAll(specification(organisationId, filter, zone), pageable).map(i -> summary(i, zone, areaNames));
    }

    private static IncidentSummary summary(Incident i, ZoneId zone, Map<UUID, String> areaNames) {
        return new IncidentSummary(i.getId(), i.getReference(), i.getTitle(), local(i.getOccurredAt(), zone),
                local(i.getDetectedAt(), zone), local(i.getResolvedAt(), zone), i.getCategory(), i.getSeverity(),
                i.getAffectedAssets(), i.getAreaIds().stream().map(a -> areaNames.getOrDefault(a, "(deleted area)")).collect(Collectors.joining(", ")),
                i.getSummary(), i.getResponse(), i.getLessonsLearned());
    }

    private static Specification<Incident> specification(UUID organisationId, IncidentFilter f, ZoneId zone) {
        Specification<Incident> spec = (root, query, cb) -> cb.equal(root.get("organisationId"), organisationId);
        if (f.category() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("category"), f.category()));
        }
        if (f.severity() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("severity"), f.severity()));
        }
        if (f.open() != null) {
            spec = spec.and((root, query, cb) -> f.open() ? cb.isNull(root.get("resolvedAt")) : cb.isNotNull(root.get("resolvedAt")));
        }
        if (f.detectedFrom() != null) {
            Instant from = f.detectedFrom().atStartOfDay(zone).toInstant();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("detectedAt"), from));
        }
        if (f.detectedTo() != null) {
            Instant to = f.detectedTo().plusDays(1).atStartOfDay(zone).toInstant();
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("detectedAt"), to));
        }
        if (f.areaId() != null) {
            spec = spec.and((root, query, cb) -> cb.like(root.get("areaIds"), "%" + f.areaId() + "%"));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String pattern = "%" + f.text().strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern),
                    cb.like(cb.lower(root.get("reference")), pattern), cb.like(cb.lower(root.get("summary")), pattern)));
        }
        return spec;
    }

    // --- importing ---------------------------------------------------------------------------------------------

    /** An incident read from a file, to be recorded when the whole file is good. */
    public record ImportRow(String reference, IncidentForm form) {
    }

    @Override
    @Transactional(readOnly = true)
    public CsvImport.Result<ImportRow> check(Tenant tenant, byte[] content) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        ZoneId zone = zone(org);
        ImportReferences referenceColumn = new ImportReferences();
        CsvImport.Result<ImportRow> result;
        try {
            result = CsvImport.read(new ByteArrayInputStream(content), IMPORT_FIELDS, MAX_IMPORT_ROWS, zone, row -> {
                String reference = row.text("Reference", 40);
                IncidentForm form = new IncidentForm();
                form.setTitle(row.text("Title", 200));
                form.setOccurredAt(local(row.moment("Occurred"), zone));
                form.setDetectedAt(local(row.moment("Detected"), zone));
                form.setResolvedAt(local(row.moment("Resolved"), zone));
                form.setCategory(row.choice("Category", Category.class, Category::label));
                form.setSeverity(row.choice("Severity", Severity.class, Severity::label));
                form.setAffectedAssets(row.text("Affected assets", 2000));
                form.setSummary(row.text("Summary", 8000));
                form.setResponse(row.text("Response", 8000));
                form.setLessonsLearned(row.text("Lessons learned", 8000));
                referenceColumn.note(row, reference);
                if (form.getDetectedAt() != null && form.getOccurredAt() != null && form.getDetectedAt().isBefore(form.getOccurredAt())) {
                    row.problem("Detected", "Before it occurred");
                }
                if (form.getResolvedAt() != null && form.getDetectedAt() != null && form.getResolvedAt().isBefore(form.getDetectedAt())) {
                    row.problem("Resolved", "Before it was detected");
                }
                return row.failed() ? null : new ImportRow(reference == null ? null : reference.strip(), form);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenceColumn.checkRegister(result, keys -> incidents.existingReferences(org, keys), key -> "There is an incident " + key + " in the register already");
    }

    @Override
    public String register() {
        return REGISTER;
    }

    @Override
    public List<CsvImport.Field> fields() {
        return IMPORT_FIELDS;
    }

    /** Records every incident of a checked file; one without a reference of its own gets the next number. */
    @Override
    public int write(Tenant tenant, List<ImportRow> rows) {
        ZoneId zone = zone(tenant.organisationId());
        List<Incident> records = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            String reference = row.reference() != null ? row.reference()
                    : references.next(tenant.organisationId(), row.form().getDetectedAt().atZoneSameInstant(zone).getYear());
            records.add(describe(new Incident(tenant.organisationId(), reference, tenant.userId(), clock.instant()), row.form(), zone));
        }
        incidents.saveAll(records);
        incidents.flush();
        return records.size();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Incident find(UUID organisationId, UUID id) {
        return incidents.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Incident"));
    }

    private Map<UUID, String> areaNames(UUID organisationId) {
        return organisations.allAreas(organisationId).stream().collect(Collectors.toMap(AreaView::id, AreaView::name));
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the incident register");
        }
    }

    public ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

    /** The organisation's local time now, to the minute: what a new incident's form proposes as detected. */
    public OffsetDateTime now(UUID organisationId) {
        return OffsetDateTime.now(clock.withZone(zone(organisationId))).withSecond(0).withNano(0);
    }

    /**
     * Incident times are the organisation's wall clock with the offset it had at that moment: the hour repeated when
     * the clocks go back is two different hours (01:30+01:00 and 01:30+00:00 in London), which a local time alone
     * cannot tell apart.
     */
    private static Instant instant(OffsetDateTime local, ZoneId zone) {
        return local == null ? null : local.toInstant();
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

}
