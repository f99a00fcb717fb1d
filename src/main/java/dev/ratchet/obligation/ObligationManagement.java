package dev.ratchet.obligation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionStatus;
import dev.ratchet.action.ActionView;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.obligation.domain.Obligation;
import dev.ratchet.obligation.domain.ObligationAmendment;
import dev.ratchet.obligation.domain.ObligationAmendmentRepository;
import dev.ratchet.obligation.domain.ObligationRepository;
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

/**
 * The obligations register. Each obligation with an owner has an open action "review it" due on its next review
 * date, so the action tracker's reminders, escalation, digest and calendar feed remind the owner.
 */
@Service
@Transactional
public class ObligationManagement implements Importer<ObligationManagement.ImportRow> {

    public static final String REGISTER = "obligations";
    static final String ORIGIN = "OBLIGATION";
    public static final List<CsvImport.Field> IMPORT_FIELDS = List.of(
            CsvImport.Field.optional("Reference", "the obligation's reference, unique; Ratchet numbers it when empty"),
            CsvImport.Field.required("Name", "such as GDPR breach notification"),
            CsvImport.Field.required("Type", "Law, Regulation, Contract or Standard or code of practice"),
            CsvImport.Field.optional("Jurisdiction", "such as EU or UK"),
            CsvImport.Field.required("Source", "the article, clause or contract"),
            CsvImport.Field.required("How it applies", "what it means for the organisation"),
            CsvImport.Field.optional("Owner", "the owner's e-mail address or name as a member of Ratchet"),
            CsvImport.Field.required("Next review", "the date of the next review, such as 2027-01-31"),
            CsvImport.Field.optional("Requirements", "the controls it calls for, separated by commas, such as A.5.34, A.5.31").alias("Controls", "Annex A controls"),
            CsvImport.Field.exported("Last reviewed", "reviews are recorded in Ratchet, each with its evidence"));

    private final ObligationRepository obligations;
    private final ObligationAmendmentRepository amendments;
    private final ActionManagement actions;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;
    private final dev.ratchet.catalogue.CatalogueManagement catalogue;
    private final dev.ratchet.catalogue.FrameworkScopes scopes;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ObligationManagement(ObligationRepository obligations, ObligationAmendmentRepository amendments, ActionManagement actions,
            ImprovementManagement improvements, OrganisationManagement organisations, People people, Clock clock,
            dev.ratchet.catalogue.CatalogueManagement catalogue, org.springframework.jdbc.core.JdbcTemplate jdbc,
            dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.scopes = scopes;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.obligations = obligations;
        this.amendments = amendments;
        this.actions = actions;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    public ObligationView record(Tenant tenant, ObligationForm form) {
        requireManager(tenant);
        checkOwner(tenant.organisationId(), form.getOwnerId());
        java.util.List<String> requirements = resolve(form);
        Obligation obligation = obligations.saveAndFlush(new Obligation(tenant.organisationId(), nextReference(tenant.organisationId()),
                clock.instant()).describe(form, requirements));
        remind(tenant, obligation);
        return get(tenant.organisationId(), obligation.getId());
    }

    /**
     * The obligations a framework in scope brings, created on request: one per part of the framework (NIS2's
     * governance, risk-management measures and reporting; each GDPR article; each NIST CSF function), linked to its
     * requirements, owned by the person asking, first reviewed in a year. Parts already in the register (by name) are
     * left as they are, so asking again after the catalogue grows adds only what is new. Returns what was created.
     */
    public java.util.List<ObligationView> fromFramework(Tenant tenant, String frameworkId) {
        requireManager(tenant);
        String id = frameworkId == null ? "" : frameworkId.strip();
        dev.ratchet.catalogue.Framework framework = catalogue.framework(id)
                .orElseThrow(() -> Refused.field("framework", "\"" + dev.ratchet.shared.Texts.excerpt(id) + "\" is not a framework Ratchet knows"));
        if (id.equals(dev.ratchet.catalogue.CatalogueManagement.PRIMARY)) {
            throw Refused.field("framework", "ISO/IEC 27001 is the ISMS itself: its requirements are the clauses and controls, not obligations");
        }
        if (!scopes.ids(tenant.organisationId()).contains(id)) {
            throw Refused.field("framework", framework.name() + " is not among the frameworks in scope (Settings, Frameworks): put it in scope first");
        }
        java.util.Set<String> existing = new java.util.HashSet<>(obligations.namesIn(tenant.organisationId()));
        LocalDate review = today(tenant.organisationId()).plusYears(1);
        java.util.List<ObligationView> created = new java.util.ArrayList<>();
        for (dev.ratchet.catalogue.Requirement part : framework.requirements()) {
            if (part.depth() != 0) {
                continue;
            }
            String name = Texts.truncate(framework.shortName() + " " + part.code() + ": " + part.title(), 200);
            if (existing.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            java.util.List<String> requirements = catalogue.withRefinements(part.reference()).stream()
                    .filter(r -> catalogue.find(r).map(q -> q.kind() != dev.ratchet.catalogue.Requirement.Kind.THEME).orElse(false))
                    .toList();
            ObligationForm form = new ObligationForm();
            form.setName(name);
            form.setType(ObligationType.valueOf(framework.obligationType()));
            form.setJurisdiction(framework.jurisdiction());
            form.setSource(Texts.truncate(framework.source() + ", " + part.code(), 500));
            form.setHowItApplies("The organisation answers to " + framework.name() + " (chosen in Settings, Frameworks). Review how "
                    + part.code() + " applies, who owns it and which records evidence it; Ratchet links its "
                    + requirements.size() + (requirements.size() == 1 ? " requirement" : " requirements") + " so that coverage and the Statement of Applicability show them.");
            form.setOwnerId(tenant.userId());
            form.setNextReviewDate(review);
            form.setRequirements(new java.util.ArrayList<>(joinable(requirements)));
            created.add(record(tenant, form));
        }
        return created;
    }

    /** The requirements an obligation can hold in its column (2,000 characters), in order. */
    private static java.util.List<String> joinable(java.util.List<String> requirements) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        int length = 0;
        for (String r : requirements) {
            if (length + r.length() + 1 > 2000) {
                break;
            }
            kept.add(r);
            length += r.length() + 1;
        }
        return kept;
    }

    private String nextReference(UUID organisationId) {
        long n = obligations.countByOrganisationId(organisationId) + 1;
        while (obligations.existsByOrganisationIdAndReferenceIgnoreCase(organisationId, "OBL-%03d".formatted(n))) {
            n++;
        }
        return "OBL-%03d".formatted(n);
    }

    public ObligationView update(Tenant tenant, UUID id, ObligationForm form) {
        requireManager(tenant);
        Obligation obligation = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), obligation.getVersion());
        checkOwner(tenant.organisationId(), form.getOwnerId());
        obligation.describe(form, resolve(form));
        obligations.flush();
        remind(tenant, obligation);
        return get(tenant.organisationId(), id);
    }

    /** The owner or the ISMS manager records the review and sets the next one. */
    public ObligationView review(Tenant tenant, UUID id, ObligationReviewForm form) {
        Obligation obligation = find(tenant.organisationId(), id);
        requireOwnerOrManager(tenant, obligation);
        Refused.requireCurrentVersion(form.getVersion(), obligation.getVersion());
        LocalDate today = today(tenant.organisationId());
        if (!form.getNextReviewDate().isAfter(today)) {
            throw Refused.field("nextReviewDate", "The next review is after today");
        }
        obligation.reviewed(today, form.getNote(), form.getNextReviewDate());
        obligations.flush();
        openReview(tenant.organisationId(), id).ifPresent(a -> actions.complete(tenant.organisationId(), a.id(), tenant.userId(), true,
                "Reviewed on " + today + ": " + form.getNote(), a.version()));
        remind(tenant, obligation);
        return get(tenant.organisationId(), id);
    }

    public ObligationView amend(Tenant tenant, UUID id, AmendmentForm form) {
        Obligation obligation = find(tenant.organisationId(), id);
        requireOwnerOrManager(tenant, obligation);
        amendments.saveAndFlush(new ObligationAmendment(obligation, form.getEffectiveDate(), form.getSummary(),
                form.getImpactAssessment(), tenant.userId(), clock.instant()));
        return get(tenant.organisationId(), id);
    }

    /** One open review action per obligation, due on its next review date and owned by its owner. */
    private void remind(Tenant tenant, Obligation obligation) {
        UUID org = tenant.organisationId();
        var open = openReview(org, obligation.getId());
        if (open.isPresent() && open.get().dueDate().equals(obligation.getNextReviewDate())
                && open.get().ownerId().equals(obligation.getOwnerId())) {
            return;
        }
        open.ifPresent(a -> actions.cancel(org, a.id(), tenant.userId(), true,
                "The review was rescheduled to " + obligation.getNextReviewDate() + " or the obligation changed owner", a.version()));
        if (obligation.getOwnerId() != null) {
            actions.plan(org, ORIGIN, obligation.getId(), obligation.getReference(), null, 1, List.of(new PlannedAction(
                    Texts.truncate("Review " + obligation.getReference() + ": " + obligation.getName(), 200),
                    "Check that the obligation still applies as recorded and that the organisation complies; record the review in Ratchet.",
                    obligation.getOwnerId(), obligation.getNextReviewDate(),
                    "The review is recorded on the obligation with its finding and the next review date")));
        }
    }

    private java.util.Optional<ActionView> openReview(UUID organisationId, UUID obligationId) {
        return actions.of(organisationId, ORIGIN, obligationId).stream()
                .filter(a -> a.status() == ActionStatus.OPEN || a.status() == ActionStatus.IN_PROGRESS).findFirst();
    }

    @Transactional(readOnly = true)
    public RaiseForm proposeRaise(UUID organisationId, UUID id) {
        ObligationView o = get(organisationId, id);
        RaiseForm form = new RaiseForm();
        form.setKind(Kind.OPPORTUNITY);
        StringBuilder text = new StringBuilder("Raised from obligation ").append(o.reference()).append(" (").append(o.name())
                .append(", ").append(o.source()).append(").");
        if (!o.changes().isEmpty()) {
            ObligationView.Amendment latest = o.changes().get(0);
            form.setTitle(Texts.truncate(o.reference() + " changes on " + latest.effectiveDate() + ": " + o.name(), 200));
            text.append("\n\nChange effective ").append(latest.effectiveDate()).append(": ").append(latest.summary())
                    .append("\n\nImpact on the ISMS: ").append(latest.impactAssessment());
        }
        else {
            form.setTitle(Texts.truncate(o.reference() + ": " + o.name(), 200));
        }
        form.setDescription(Texts.truncate(text.toString(), 8000));
        form.setOwnerId(o.ownerId());
        return form;
    }

    public ImprovementView raise(Tenant tenant, UUID id, RaiseForm form) {
        Obligation obligation = find(tenant.organisationId(), id);
        return improvements.raise(tenant, Source.LEGAL_CHANGE, obligation.getId(), obligation.getReference(), form);
    }

    /** A record by its reference, for modules that link to it (a risk it concerns). */
    @Transactional(readOnly = true)
    public java.util.Optional<dev.ratchet.shared.RecordLink> byReference(UUID organisationId, String reference) {
        if (reference == null || reference.isBlank()) {
            return java.util.Optional.empty();
        }
        return obligations.findFirstByOrganisationIdAndReferenceIgnoreCase(organisationId, reference.strip())
                .map(r -> new dev.ratchet.shared.RecordLink(r.getId(), r.getReference(), r.getName()));
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ObligationView get(UUID organisationId, UUID id) {
        Obligation o = find(organisationId, id);
        Map<UUID, String> names = people.displayNames(organisationId);
        LocalDate today = today(organisationId);
        List<ObligationView.Amendment> changes = amendments.findByObligationIdOrderByEffectiveDateDesc(id).stream()
                .map(a -> new ObligationView.Amendment(a.getEffectiveDate(), a.getSummary(), a.getImpactAssessment(),
                        names.getOrDefault(a.getRecordedBy(), "(former member)"), a.getRecordedAt())).toList();
        return new ObligationView(o.getId(), o.getReference(), o.getName(), o.getType(), o.getJurisdiction(), o.getSource(),
                o.getHowItApplies(), o.getOwnerId(), o.getOwnerId() == null ? null : names.getOrDefault(o.getOwnerId(), "(former member)"),
                o.getNextReviewDate(), o.getLastReviewedOn(), o.getLastReviewNote(), o.getNextReviewDate().isBefore(today),
                o.getCreatedAt(), changes, openReview(organisationId, id).orElse(null), improvements.raisedFrom(organisationId, id),
                o.getRequirements(), o.getVersion());
    }

    /** A change to an obligation that took effect in a period, for the management review's input pack. */
    public record ChangeInPeriod(UUID obligationId, String reference, String name, LocalDate effectiveDate, String summary,
            String impactAssessment) {
    }

    @Transactional(readOnly = true)
    public List<ChangeInPeriod> changesBetween(UUID organisationId, LocalDate from, LocalDate to) {
        Map<UUID, Obligation> byId = new HashMap<>();
        List<ChangeInPeriod> changes = new ArrayList<>();
        for (ObligationAmendment a : amendments.findByOrganisationIdAndEffectiveDateBetweenOrderByEffectiveDate(organisationId, from, to)) {
            Obligation o = byId.computeIfAbsent(a.getObligationId(), id -> find(organisationId, id));
            changes.add(new ChangeInPeriod(o.getId(), o.getReference(), o.getName(), a.getEffectiveDate(), a.getSummary(), a.getImpactAssessment()));
        }
        return changes;
    }

    @Transactional(readOnly = true)
    public Page<ObligationSummary> search(UUID organisationId, ObligationType type, UUID ownerId, Boolean reviewDue,
            String text, Pageable pageable) {
        LocalDate today = today(organisationId);
        Specification<Obligation> spec = (root, query, cb) -> cb.equal(root.get("organisationId"), organisationId);
        if (type != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), type));
        }
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownerId"), ownerId));
        }
        if (Boolean.TRUE.equals(reviewDue)) {
            LocalDate soon = today.plusDays(organisations.get(organisationId).reminderLeadDays());
            spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("nextReviewDate"), soon));
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), pattern),
                    cb.like(cb.lower(root.get("reference")), pattern), cb.like(cb.lower(root.get("source")), pattern)));
        }
        Map<UUID, String> names = people.displayNames(organisationId);
        return obligations.findAll(spec, pageable).map(o -> new ObligationSummary(o.getId(), o.getReference(), o.getName(),
                o.getType(), o.getJurisdiction(), o.getSource(), o.getHowItApplies(),
                o.getOwnerId() == null ? null : names.getOrDefault(o.getOwnerId(), "(former member)"),
                o.getNextReviewDate(), o.getLastReviewedOn(), o.getNextReviewDate().isBefore(today), String.join(", ", o.getRequirements())));
    }

    // --- importing ---------------------------------------------------------------------------------------------

    public record ImportRow(String reference, ObligationForm form) {
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
    @Transactional(readOnly = true)
    public CsvImport.Result<ImportRow> check(Tenant tenant, byte[] content) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        Map<String, UUID> byEmail = new HashMap<>();
        people.activeMembersOf(org).forEach(p -> {
            byEmail.put(p.email().toLowerCase(Locale.ROOT), p.userId());
            byEmail.putIfAbsent(p.displayName().toLowerCase(Locale.ROOT), p.userId()); // the name, as the export writes it
        });
        ImportReferences referenceColumn = new ImportReferences();
        CsvImport.Result<ImportRow> result;
        try {
            result = CsvImport.read(new ByteArrayInputStream(content), IMPORT_FIELDS, 50_000, zone(org), row -> {
                String reference = row.text("Reference", 40);
                ObligationForm form = new ObligationForm();
                form.setName(row.text("Name", 200));
                form.setType(row.choice("Type", ObligationType.class, ObligationType::label));
                form.setJurisdiction(row.text("Jurisdiction", 100));
                form.setSource(row.text("Source", 500));
                form.setHowItApplies(row.text("How it applies", 4000));
                form.setNextReviewDate(row.date("Next review"));
                form.getRequirements().addAll(catalogue.resolveCell(row.text("Requirements", 2000), message -> row.problem("Requirements", message)));
                String owner = row.text("Owner", 254);
                if (owner != null) {
                    form.setOwnerId(byEmail.get(owner.strip().toLowerCase(Locale.ROOT)));
                    if (form.getOwnerId() == null) {
                        row.problem("Owner", "No active member with the e-mail address or name " + owner);
                    }
                }
                referenceColumn.note(row, reference);
                return row.failed() ? null : new ImportRow(reference == null ? null : reference.strip(), form);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenceColumn.checkRegister(result, keys -> obligations.existingReferences(org, keys), key -> "There is an obligation " + key + " in the register already");
    }

    @Override
    public int write(Tenant tenant, List<ImportRow> rows) {
        for (ImportRow row : rows) {
            Obligation obligation = obligations.saveAndFlush(new Obligation(tenant.organisationId(),
                    row.reference() != null ? row.reference() : nextReference(tenant.organisationId()), clock.instant())
                    .describe(row.form(), row.form().getRequirements()));
            remind(tenant, obligation);
        }
        return rows.size();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The form's requirements as catalogue references; each one unknown is refused on its field. */
    private java.util.List<String> resolve(ObligationForm form) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        java.util.List<String> resolved = catalogue.resolveAll("requirements", form.getRequirements(), problems);
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        return resolved;
    }

    /** The obligations calling for each control or requirement, for the Statement of Applicability's reasons. */
    @Transactional(readOnly = true)
    public Map<String, java.util.List<dev.ratchet.shared.RecordLink>> byRequirement(UUID organisationId) {
        Map<String, java.util.List<dev.ratchet.shared.RecordLink>> links = new java.util.TreeMap<>();
        jdbc.query("""
                select q.requirement, o.id, o.reference, o.name from obligation_requirement q join obligation o on o.id = q.obligation_id
                where o.organisation_id = ? order by o.reference""", rs -> {
            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new dev.ratchet.shared.RecordLink(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
        }, organisationId);
        return links;
    }

    private Obligation find(UUID organisationId, UUID id) {
        return obligations.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Obligation"));
    }

    private void checkOwner(UUID organisationId, UUID ownerId) {
        if (ownerId != null) {
            people.requireAssignable(organisationId, ownerId, "ownerId", "The owner must be an active member of this organisation");
        }
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the obligations register");
        }
    }

    private static void requireOwnerOrManager(Tenant tenant, Obligation obligation) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(obligation.getOwnerId())) {
            throw new AccessDeniedException("The obligation's owner or the ISMS manager records its reviews and changes");
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

}
