package dev.ratchet.change;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.change.domain.ChangeReferences;
import dev.ratchet.change.domain.IsmsChange;
import dev.ratchet.change.domain.IsmsChangeRepository;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.Source;
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

/** The ISMS change log: plan, approve or reject, implement, review; find, export, import; raise from a change. */
@Service
@Transactional
public class ChangeManagement implements Importer<ChangeManagement.ImportRow> {

    public static final String REGISTER = "changes";
    public static final List<CsvImport.Field> IMPORT_FIELDS = List.of(
            CsvImport.Field.optional("Reference", "the change's reference in the other log, unique; Ratchet numbers it when empty"),
            CsvImport.Field.required("Change", "what changes"),
            CsvImport.Field.required("Reason", "why"),
            CsvImport.Field.required("Impact", "the impact on the ISMS").alias("Impact on the ISMS"),
            CsvImport.Field.required("Planned date", "such as 2026-05-31"),
            CsvImport.Field.optional("Cause", "the improvement record it comes from, such as NC-2026-003"),
            CsvImport.Field.exported("Approver", "an imported change is planned; it is approved in Ratchet"),
            CsvImport.Field.exported("Status", "an imported change is planned; its later steps are recorded in Ratchet"),
            CsvImport.Field.exported("Approved on", "an imported change is planned; it is approved in Ratchet"),
            CsvImport.Field.exported("Implemented on", "an imported change is planned; its implementation is recorded in Ratchet"),
            CsvImport.Field.exported("Review", "an imported change is planned; its review is recorded in Ratchet"));

    private final IsmsChangeRepository changes;
    private final ChangeReferences references;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;

    ChangeManagement(IsmsChangeRepository changes, ChangeReferences references, ImprovementManagement improvements,
            OrganisationManagement organisations, People people, Clock clock) {
        this.changes = changes;
        this.references = references;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    public ChangeView record(Tenant tenant, ChangeForm form) {
        requireManager(tenant);
        return recordDecided(tenant, form);
    }

    /**
     * Records a change that another body has already decided and authorised, such as a management review's decision
     * to change the ISMS taken by its chair: the entry names that decision as its cause.
     */
    public ChangeView recordDecided(Tenant tenant, ChangeForm form) {
        UUID cause = checkPlan(tenant.organisationId(), form);
        IsmsChange change = new IsmsChange(tenant.organisationId(), references.next(tenant.organisationId(), form.getPlannedDate().getYear()),
                tenant.userId(), clock.instant()).plan(form, cause);
        changes.saveAndFlush(change);
        return get(tenant.organisationId(), change.getId());
    }

    public ChangeView update(Tenant tenant, UUID id, ChangeForm form) {
        requireManager(tenant);
        IsmsChange change = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), change.getVersion());
        change.plan(form, checkPlan(tenant.organisationId(), form));
        changes.flush();
        return get(tenant.organisationId(), id);
    }

    /** Checks the approver and resolves the cause to the improvement record it names, if Ratchet holds it. */
    private UUID checkPlan(UUID organisationId, ChangeForm form) {
        if (form.getApproverId() != null) {
            people.requireAssignable(organisationId, form.getApproverId(), "approverId", "The approver must be an active member of this organisation");
        }
        return improvements.byReference(organisationId, form.getCauseReference()).map(ImprovementView.Link::id).orElse(null);
    }

    public ChangeView step(Tenant tenant, UUID id, ChangeStep step) {
        IsmsChange change = find(tenant.organisationId(), id);
        switch (step.getStep()) {
            case APPROVE, REJECT -> {
                boolean approver = change.getApproverId() == null ? tenant.hasAnyRole("MANAGEMENT") : tenant.userId().equals(change.getApproverId());
                if (!approver) {
                    throw new AccessDeniedException(change.getApproverId() == null ? "Top management (the MANAGEMENT role) approves a change with no approver named"
                            : "Only the named approver approves or rejects this change");
                }
                Refused.requireCurrentVersion(step.getVersion(), change.getVersion());
                if (step.getStep() == ChangeStep.Step.APPROVE) {
                    change.approve(tenant.userId(), clock.instant());
                }
                else {
                    change.reject(tenant.userId(), step.getText(), clock.instant());
                }
            }
            case IMPLEMENT, REVIEW -> {
                requireManager(tenant);
                Refused.requireCurrentVersion(step.getVersion(), change.getVersion());
                if (step.getStep() == ChangeStep.Step.IMPLEMENT) {
                    change.implemented(today(tenant.organisationId()));
                }
                else {
                    change.reviewed(step.getText(), clock.instant());
                }
            }
        }
        changes.flush();
        return get(tenant.organisationId(), id);
    }

    @Transactional(readOnly = true)
    public RaiseForm proposeRaise(UUID organisationId, UUID id) {
        ChangeView c = get(organisationId, id);
        RaiseForm form = new RaiseForm();
        form.setKind(Kind.OPPORTUNITY);
        form.setTitle(Texts.truncate(c.reference() + ": " + c.title(), 200));
        form.setDescription(Texts.truncate("Raised from ISMS change " + c.reference() + " (" + c.status().label().toLowerCase(Locale.ROOT)
                + ").\n\nReason: " + c.reason() + "\n\nImpact on the ISMS: " + c.impact()
                + (c.reviewNote() == null ? "" : "\n\nReview: " + c.reviewNote()), 8000));
        return form;
    }

    public ImprovementView raise(Tenant tenant, UUID id, RaiseForm form) {
        IsmsChange change = find(tenant.organisationId(), id);
        return improvements.raise(tenant, Source.CHANGE, change.getId(), change.getReference(), form);
    }

    /** A record by its reference, for modules that link to it (a risk it concerns). */
    @Transactional(readOnly = true)
    public java.util.Optional<dev.ratchet.shared.RecordLink> byReference(UUID organisationId, String reference) {
        if (reference == null || reference.isBlank()) {
            return java.util.Optional.empty();
        }
        return changes.findFirstByOrganisationIdAndReferenceIgnoreCase(organisationId, reference.strip())
                .map(r -> new dev.ratchet.shared.RecordLink(r.getId(), r.getReference(), r.getTitle()));
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ChangeView get(UUID organisationId, UUID id) {
        IsmsChange c = find(organisationId, id);
        Map<UUID, String> names = people.displayNames(organisationId);
        ImprovementView.Link cause = c.getCauseImprovementId() == null ? null
                : improvements.links(organisationId, List.of(c.getCauseImprovementId())).get(c.getCauseImprovementId());
        List<ChangeStep.Step> allowed = switch (c.getStatus()) {
            case PLANNED -> List.of(ChangeStep.Step.APPROVE, ChangeStep.Step.REJECT);
            case APPROVED -> List.of(ChangeStep.Step.IMPLEMENT);
            case IMPLEMENTED -> List.of(ChangeStep.Step.REVIEW);
            default -> List.of();
        };
        return new ChangeView(c.getId(), c.getReference(), c.getTitle(), c.getReason(), c.getImpact(), c.getPlannedDate(),
                c.getApproverId(), name(names, c.getApproverId()), c.getStatus(), name(names, c.getApprovedBy()), c.getApprovedAt(),
                c.getRejectionReason(), c.getImplementedOn(), c.getReviewNote(), c.getReviewedAt(), c.getCauseReference(), cause,
                name(names, c.getCreatedBy()), c.getCreatedAt(), improvements.raisedFrom(organisationId, id), allowed, c.getVersion());
    }

    private static String name(Map<UUID, String> names, UUID id) {
        return id == null ? null : names.getOrDefault(id, "(former member)");
    }

    @Transactional(readOnly = true)
    public Page<ChangeSummary> search(UUID organisationId, ChangeFilter f, Pageable pageable) {
        Specification<IsmsChange> spec = (root, query, cb) -> cb.equal(root.get("organisationId"), organisationId);
        if (f.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), f.status()));
        }
        if (f.plannedFrom() != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("plannedDate"), f.plannedFrom()));
        }
        if (f.plannedTo() != null) {
            spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("plannedDate"), f.plannedTo()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String pattern = "%" + f.text().strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern),
                    cb.like(cb.lower(root.get("reference")), pattern), cb.like(cb.lower(root.get("reason")), pattern)));
        }
        Map<UUID, String> names = people.displayNames(organisationId);
        ZoneId zone = zone(organisationId);
        return changes.findAll(spec, pageable).map(c -> new ChangeSummary(c.getId(), c.getReference(), c.getTitle(),
                c.getReason(), c.getImpact(), c.getPlannedDate(), name(names, c.getApproverId()), c.getStatus(),
                c.getApprovedAt() == null || c.getStatus() == dev.ratchet.change.ChangeStatus.REJECTED ? null : LocalDate.ofInstant(c.getApprovedAt(), zone),
                c.getImplementedOn(), c.getReviewNote(), c.getCauseReference()));
    }

    // --- importing ---------------------------------------------------------------------------------------------

    public record ImportRow(String reference, ChangeForm form) {
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
        ImportReferences referenceColumn = new ImportReferences();
        CsvImport.Result<ImportRow> result;
        try {
            result = CsvImport.read(new ByteArrayInputStream(content), IMPORT_FIELDS, 50_000, zone(org), row -> {
                String reference = row.text("Reference", 40);
                ChangeForm form = new ChangeForm();
                form.setTitle(row.text("Change", 200));
                form.setReason(row.text("Reason", 4000));
                form.setImpact(row.text("Impact", 4000));
                form.setPlannedDate(row.date("Planned date"));
                form.setCauseReference(row.text("Cause", 60));
                referenceColumn.note(row, reference);
                return row.failed() ? null : new ImportRow(reference == null ? null : reference.strip(), form);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenceColumn.checkRegister(result, keys -> changes.existingReferences(org, keys), key -> "There is a change " + key + " in the log already");
    }

    @Override
    public int write(Tenant tenant, List<ImportRow> rows) {
        List<IsmsChange> records = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            String reference = row.reference() != null ? row.reference() : references.next(tenant.organisationId(), row.form().getPlannedDate().getYear());
            records.add(new IsmsChange(tenant.organisationId(), reference, tenant.userId(), clock.instant())
                    .plan(row.form(), improvements.byReference(tenant.organisationId(), row.form().getCauseReference()).map(ImprovementView.Link::id).orElse(null)));
        }
        changes.saveAll(records);
        changes.flush();
        return records.size();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private IsmsChange find(UUID organisationId, UUID id) {
        return changes.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Change"));
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the change log");
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

}
