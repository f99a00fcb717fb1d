package dev.ratchet.feedback;

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
import java.util.Set;
import java.util.UUID;

import dev.ratchet.feedback.domain.Feedback;
import dev.ratchet.feedback.domain.FeedbackReferences;
import dev.ratchet.feedback.domain.FeedbackRepository;
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

/**
 * Feedback: members report, the ISMS manager records interested parties' feedback and triages everything. A member
 * who only contributes sees their own feedback; anonymous feedback names its reporter to the ISMS manager only.
 */
@Service
@Transactional
public class FeedbackManagement implements Importer<FeedbackManagement.ImportRow> {

    public static final String REGISTER = "feedback";
    public static final List<CsvImport.Field> IMPORT_FIELDS = List.of(
            CsvImport.Field.optional("Reference", "the feedback's reference elsewhere, unique; Ratchet numbers it when empty"),
            CsvImport.Field.required("Received", "the day it was received, such as 2026-03-31"),
            CsvImport.Field.required("Party", "who gave it, such as Northwind Bank").alias("From"),
            CsvImport.Field.required("Party type", "Customer, Regulator, Supplier, Partner, Certification body or Other interested party"),
            CsvImport.Field.required("Kind", "Concern, Idea, Complaint or Compliment"),
            CsvImport.Field.required("Subject", "a short subject"),
            CsvImport.Field.required("Feedback", "what they said"),
            CsvImport.Field.exported("Status", "imported feedback is received; its handling is recorded in Ratchet"),
            CsvImport.Field.exported("Reply", "replies are recorded in Ratchet"));

    private final FeedbackRepository feedback;
    private final FeedbackReferences references;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final Clock clock;

    FeedbackManagement(FeedbackRepository feedback, FeedbackReferences references, ImprovementManagement improvements,
            OrganisationManagement organisations, People people, Clock clock) {
        this.feedback = feedback;
        this.references = references;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    /** Any member reports feedback; only the ISMS manager records it for an interested party. */
    public FeedbackView submit(Tenant tenant, FeedbackForm form) {
        boolean party = form.getPartyType() != null && form.getPartyType() != PartyType.MEMBER;
        if (party && !isManager(tenant)) {
            throw new AccessDeniedException("The ISMS manager records feedback from interested parties");
        }
        if (party && (form.getPartyName() == null || form.getPartyName().isBlank())) {
            throw Refused.field("partyName", "Name the party the feedback came from");
        }
        LocalDate today = today(tenant.organisationId());
        LocalDate received = party && form.getReceivedOn() != null ? form.getReceivedOn() : today;
        if (received.isAfter(today)) {
            throw Refused.field("receivedOn", "Feedback cannot be received in the future");
        }
        Feedback item = new Feedback(tenant.organisationId(), references.next(tenant.organisationId(), received.getYear()),
                tenant.userId()).describe(form, received);
        feedback.saveAndFlush(item);
        return view(tenant, item);
    }

    /** The reporter (or the ISMS manager) corrects feedback until it is dealt with. */
    public FeedbackView update(Tenant tenant, UUID id, FeedbackForm form) {
        Feedback item = find(tenant, id);
        if (!isManager(tenant) && !item.getSubmittedBy().equals(tenant.userId())) {
            throw new AccessDeniedException("The reporter or the ISMS manager corrects feedback");
        }
        Refused.requireCurrentVersion(form.getVersion(), item.getVersion());
        if ((form.getPartyType() != null && form.getPartyType() != PartyType.MEMBER) != (item.getPartyType() != PartyType.MEMBER)) {
            throw Refused.field("partyType", "Feedback keeps who it came from: a member or an interested party");
        }
        LocalDate received = item.getPartyType() != PartyType.MEMBER && form.getReceivedOn() != null ? form.getReceivedOn() : item.getReceivedOn();
        if (received.isAfter(today(tenant.organisationId()))) {
            throw Refused.field("receivedOn", "Feedback cannot be received in the future");
        }
        item.describe(form, received);
        feedback.flush();
        return view(tenant, item);
    }

    public FeedbackView raise(Tenant tenant, UUID id, RaiseForm form) {
        requireManager(tenant);
        Feedback item = find(tenant, id);
        if (item.getStatus() != FeedbackStatus.NEW) {
            throw Refused.conflict("This feedback has been dealt with already: " + item.getStatus().label().toLowerCase());
        }
        ImprovementView raised = improvements.raise(tenant, Source.FEEDBACK, item.getId(), item.getReference(), form);
        item.triaged(raised.id(), tenant.userId(), clock.instant());
        feedback.flush();
        return view(tenant, item);
    }

    public FeedbackView close(Tenant tenant, UUID id, String reply, Long version) {
        requireManager(tenant);
        Feedback item = find(tenant, id);
        Refused.requireCurrentVersion(version, item.getVersion());
        item.close(reply, tenant.userId(), clock.instant());
        feedback.flush();
        return view(tenant, item);
    }

    @Transactional(readOnly = true)
    public RaiseForm proposeRaise(Tenant tenant, UUID id) {
        requireManager(tenant);
        Feedback f = find(tenant, id);
        RaiseForm form = new RaiseForm();
        form.setKind(f.getKind() == FeedbackKind.IDEA || f.getKind() == FeedbackKind.COMPLIMENT ? Kind.OPPORTUNITY : Kind.NONCONFORMITY);
        form.setTitle(Texts.truncate(f.getSubject(), 200));
        form.setDescription(Texts.truncate("Raised from feedback " + f.getReference() + " (" + f.getKind().label().toLowerCase(Locale.ROOT)
                + (f.getPartyName() == null ? "" : " from " + f.getPartyName()) + ", received " + f.getReceivedOn() + ").\n\n" + f.getText(), 8000));
        return form;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public FeedbackView get(Tenant tenant, UUID id) {
        return view(tenant, find(tenant, id));
    }

    /** Someone who only contributes sees their own feedback; everyone else sees the register. */
    static boolean seesAll(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER", "AUDITOR", "MANAGEMENT", "GUEST_AUDITOR");
    }

    private Feedback find(Tenant tenant, UUID id) {
        return feedback.findByIdAndOrganisationId(id, tenant.organisationId())
                .filter(f -> seesAll(tenant) || f.getSubmittedBy().equals(tenant.userId()))
                .orElseThrow(() -> Refused.notFound("Feedback"));
    }

    private FeedbackView view(Tenant tenant, Feedback f) {
        Map<UUID, String> names = people.displayNames(tenant.organisationId());
        ImprovementView.Link improvement = f.getImprovementId() == null ? null
                : improvements.links(tenant.organisationId(), List.of(f.getImprovementId())).get(f.getImprovementId());
        return new FeedbackView(f.getId(), f.getReference(), f.getKind(), f.getSubject(), f.getText(), f.isAnonymous(),
                f.getPartyType(), f.getPartyName(), f.getReceivedOn(), from(tenant, f, names), f.getStatus(), f.getReply(),
                f.getHandledBy() == null ? null : names.getOrDefault(f.getHandledBy(), "(former member)"), f.getHandledAt(),
                improvement, f.getSubmittedBy().equals(tenant.userId()), f.getVersion());
    }

    private static String from(Tenant tenant, Feedback f, Map<UUID, String> names) {
        if (f.getPartyType() != PartyType.MEMBER) {
            return f.getPartyName() + " (" + f.getPartyType().label().toLowerCase(Locale.ROOT) + ")";
        }
        String name = names.getOrDefault(f.getSubmittedBy(), "(former member)");
        if (!f.isAnonymous()) {
            return name;
        }
        return isManager(tenant) || f.getSubmittedBy().equals(tenant.userId()) ? name + " (anonymous to others)" : "Anonymous";
    }

    @Transactional(readOnly = true)
    public Page<FeedbackSummary> search(Tenant tenant, FeedbackStatus status, FeedbackKind kind, Boolean fromParties,
            String text, Pageable pageable) {
        Specification<Feedback> spec = (root, query, cb) -> cb.equal(root.get("organisationId"), tenant.organisationId());
        if (!seesAll(tenant)) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("submittedBy"), tenant.userId()));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (kind != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (fromParties != null) {
            spec = spec.and((root, query, cb) -> fromParties ? cb.notEqual(root.get("partyType"), PartyType.MEMBER)
                    : cb.equal(root.get("partyType"), PartyType.MEMBER));
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("subject")), pattern),
                    cb.like(cb.lower(root.get("reference")), pattern), cb.like(cb.lower(root.get("text")), pattern)));
        }
        Map<UUID, String> names = people.displayNames(tenant.organisationId());
        return feedback.findAll(spec, pageable).map(f -> new FeedbackSummary(f.getId(), f.getReference(), f.getReceivedOn(),
                f.getKind(), f.getSubject(), f.getText(), from(tenant, f, names), f.getPartyType(), f.getStatus(), f.getReply()));
    }

    /** Feedback received in a period as top management reads it: anonymous reporters stay anonymous. */
    @Transactional(readOnly = true)
    public List<FeedbackSummary> receivedBetween(UUID organisationId, LocalDate from, LocalDate to) {
        Map<UUID, String> names = people.displayNames(organisationId);
        Tenant reader = new Tenant(organisationId, null, null, null, java.util.Set.of("MANAGEMENT"));
        return feedback.findAll((root, query, cb) -> cb.and(cb.equal(root.get("organisationId"), organisationId),
                cb.between(root.get("receivedOn"), from, to)), org.springframework.data.domain.Sort.by("receivedOn")).stream()
                .map(f -> new FeedbackSummary(f.getId(), f.getReference(), f.getReceivedOn(), f.getKind(), f.getSubject(),
                        f.getText(), from(reader, f, names), f.getPartyType(), f.getStatus(), f.getReply())).toList();
    }

    // --- importing feedback from interested parties ------------------------------------------------------------

    public record ImportRow(String reference, FeedbackForm form) {
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
        LocalDate today = today(org);
        ImportReferences referenceColumn = new ImportReferences();
        CsvImport.Result<ImportRow> result;
        try {
            result = CsvImport.read(new ByteArrayInputStream(content), IMPORT_FIELDS, 50_000, zone(org), row -> {
                String reference = row.text("Reference", 40);
                FeedbackForm form = new FeedbackForm();
                form.setReceivedOn(row.date("Received"));
                form.setPartyType(row.choice("Party type", PartyType.class, PartyType::label));
                String party = row.text("Party", 200);
                if (party != null && form.getPartyType() != null) {
                    // The export's "From" column says "Northwind Bank (customer)": the name is what comes before the type.
                    String suffix = " (" + form.getPartyType().label().toLowerCase(java.util.Locale.ROOT) + ")";
                    if (party.toLowerCase(java.util.Locale.ROOT).endsWith(suffix) && party.length() > suffix.length()) {
                        party = party.substring(0, party.length() - suffix.length());
                    }
                }
                form.setPartyName(party);
                form.setKind(row.choice("Kind", FeedbackKind.class, FeedbackKind::label));
                form.setSubject(row.text("Subject", 200));
                form.setText(row.text("Feedback", 8000));
                if (form.getPartyType() == PartyType.MEMBER) {
                    row.problem("Party type", "Members give feedback through Ratchet's form; import feedback from interested parties");
                }
                if (form.getReceivedOn() != null && form.getReceivedOn().isAfter(today)) {
                    row.problem("Received", "In the future");
                }
                referenceColumn.note(row, reference);
                return row.failed() ? null : new ImportRow(reference == null ? null : reference.strip(), form);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenceColumn.checkRegister(result, keys -> feedback.existingReferences(org, keys), key -> "There is feedback " + key + " in the register already");
    }

    @Override
    public int write(Tenant tenant, List<ImportRow> rows) {
        List<Feedback> records = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            String reference = row.reference() != null ? row.reference() : references.next(tenant.organisationId(), row.form().getReceivedOn().getYear());
            records.add(new Feedback(tenant.organisationId(), reference, tenant.userId()).describe(row.form(), row.form().getReceivedOn()));
        }
        feedback.saveAll(records);
        feedback.flush();
        return records.size();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static boolean isManager(Tenant tenant) {
        return tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
    }

    private static void requireManager(Tenant tenant) {
        if (!isManager(tenant)) {
            throw new AccessDeniedException("The ISMS manager triages feedback");
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

}
