package dev.ratchet.soa;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.document.DocumentFormat;
import dev.ratchet.document.Outline;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.policy.PolicyViews;
import dev.ratchet.risk.RiskManagement;
import dev.ratchet.shared.Applicability;
import dev.ratchet.shared.Dates;
import dev.ratchet.shared.People;
import dev.ratchet.shared.RecordLink;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;
import dev.ratchet.soa.domain.SoaEntry;
import dev.ratchet.soa.domain.SoaEntryRepository;
import dev.ratchet.soa.domain.SoaVersion;
import dev.ratchet.soa.domain.SoaVersionRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Statement of Applicability over every control of the catalogue. The reasons for including a control are found
 * in the records that already name it (risks and their treatment, obligations, nonconformities, the policies chosen for it) and
 * shown with the reasons typed; what needs a decision is shown as a problem: controls not decided, controls applied
 * that nothing calls for, controls called for but excluded, evidence gone stale. Top management approves it; each
 * approved version keeps its rows and documents as approved, and two versions can be compared.
 */
@Service
@Transactional
public class SoaManagement implements Applicability {

    public static final String EVIDENCE_OWNER = "SOA_ENTRY";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final SoaEntryRepository entries;
    private final SoaVersionRepository versions;
    private final CatalogueManagement catalogue;
    private final RiskManagement risks;
    private final ImprovementManagement improvements;
    private final PolicyManagement policies;
    private final dev.ratchet.obligation.ObligationManagement obligations;
    private final EvidenceManagement evidence;
    private final OrganisationManagement organisations;
    private final People people;
    private final PdfDocuments pdf;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SoaManagement(SoaEntryRepository entries, SoaVersionRepository versions, CatalogueManagement catalogue, RiskManagement risks,
            ImprovementManagement improvements, PolicyManagement policies, EvidenceManagement evidence, OrganisationManagement organisations,
            People people, PdfDocuments pdf, JdbcTemplate jdbc, Clock clock, dev.ratchet.obligation.ObligationManagement obligations) {
        this.obligations = obligations;
        this.entries = entries;
        this.versions = versions;
        this.catalogue = catalogue;
        this.risks = risks;
        this.improvements = improvements;
        this.policies = policies;
        this.evidence = evidence;
        this.organisations = organisations;
        this.people = people;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The controls the SoA covers: ISO/IEC 27001's Annex A (6.1.3 d compares the controls determined with Annex A),
     * in catalogue order. The other frameworks' controls are reached through mappings, not by a row of their own.
     */
    public List<Requirement> controls() {
        return catalogue.framework(CatalogueManagement.PRIMARY).map(f -> f.requirements().stream()
                .filter(r -> r.kind() == Requirement.Kind.CONTROL).toList()).orElse(List.of());
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** Every control's row as it stands, with the records calling for it, in six queries whatever the number of controls. */
    @Transactional(readOnly = true)
    public List<SoaRow> rows(UUID organisationId) {
        Map<String, SoaEntry> decided = new HashMap<>();
        entries.findByOrganisationId(organisationId).forEach(e -> decided.put(e.getRequirement(), e));
        Map<String, List<RecordLink>> byRisk = risks.risksByControl(organisationId);
        Map<String, List<RecordLink>> byNonconformity = improvements.nonconformitiesByRequirement(organisationId);
        Map<String, List<RecordLink>> byObligation = obligations.byRequirement(organisationId);
        Map<UUID, PolicyViews.Summary> policyById = new HashMap<>();
        policies.search(organisationId, PageRequest.of(0, 1000)).forEach(p -> policyById.put(p.id(), p));
        Map<UUID, List<EvidenceView>> files = new HashMap<>();
        evidence.ofOwners(organisationId, decided.values().stream().map(SoaEntry::getId).toList())
                .forEach(f -> files.computeIfAbsent(f.ownerId(), k -> new ArrayList<>()).add(f));
        Map<UUID, String> names = people.displayNames(organisationId);
        LocalDate today = organisations.today(organisationId);
        List<SoaRow> rows = new ArrayList<>();
        for (Requirement control : controls()) {
            SoaEntry e = decided.get(control.reference());
            List<SoaRow.Reason> reasons = new ArrayList<>();
            byRisk.getOrDefault(control.reference(), List.of()).forEach(l -> reasons.add(new SoaRow.Reason("Risk", l.id(), l.reference(), l.title(), "/risks/" + l.id())));
            byObligation.getOrDefault(control.reference(), List.of()).forEach(l -> reasons.add(
                    new SoaRow.Reason("Obligation", l.id(), l.reference(), l.title(), "/obligations/" + l.id())));
            byNonconformity.getOrDefault(control.reference(), List.of()).forEach(l -> reasons.add(
                    new SoaRow.Reason("Nonconformity", l.id(), l.reference(), l.title(), "/improvements/" + l.id())));
            List<SoaRow.Reason> covering = new ArrayList<>();
            if (e != null) {
                e.getPolicyIds().stream().map(policyById::get).filter(java.util.Objects::nonNull).forEach(p -> {
                    SoaRow.Reason reason = new SoaRow.Reason("Policy", p.id(), p.reference(), p.title(), "/policies/" + p.id());
                    covering.add(reason);
                    reasons.add(reason);
                });
            }
            List<SoaRow.Evidence> proof = e == null ? List.of() : files.getOrDefault(e.getId(), List.of()).stream()
                    .map(f -> new SoaRow.Evidence(f.id(), f.fileName(), f.evidenceDate(), e.getEvidenceValidMonths() != null
                            && f.evidenceDate() != null && f.evidenceDate().plusMonths(e.getEvidenceValidMonths()).isBefore(today))).toList();
            Boolean applicable = e == null ? null : e.getApplicable();
            List<String> problems = new ArrayList<>();
            boolean calledFor = reasons.stream().anyMatch(r -> !"Policy".equals(r.kind()));
            if (applicable == null) {
                problems.add(calledFor ? "Not decided; called for by " + reasons.get(0).reference() : "Not decided");
            }
            else if (applicable && reasons.isEmpty() && (e.getOtherReasons() == null)) {
                problems.add("Applied, but no risk, obligation, nonconformity, policy or other reason calls for it");
            }
            else if (!applicable && calledFor) {
                problems.add("Excluded, but called for by " + String.join(", ", reasons.stream().filter(r -> !"Policy".equals(r.kind()))
                        .map(SoaRow.Reason::reference).toList()));
            }
            if (proof.stream().anyMatch(SoaRow.Evidence::stale)) {
                problems.add("Evidence is stale");
            }
            rows.add(new SoaRow(control.reference(), control.code(), control.title(), control.theme(), applicable, List.copyOf(reasons),
                    e == null ? null : e.getOtherReasons(), e == null ? null : e.getExclusionJustification(),
                    e == null ? ImplementationStatus.NOT_STARTED : e.getStatus(), e == null ? null : e.getImplementation(),
                    e == null ? null : e.getOwnerId(), e == null || e.getOwnerId() == null ? null : names.getOrDefault(e.getOwnerId(), "(former member)"),
                    covering, proof, e == null ? null : e.getEvidenceValidMonths(), problems, e == null ? 0 : e.getVersion()));
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public SoaRow row(UUID organisationId, String reference) {
        String resolved = resolve(reference);
        return rows(organisationId).stream().filter(r -> r.reference().equals(resolved)).findFirst()
                .orElseThrow(() -> Refused.notFound("Control"));
    }

    private String resolve(String reference) {
        try {
            String resolved = catalogue.resolve("reference", reference);
            if (controls().stream().noneMatch(c -> c.reference().equals(resolved))) {
                throw Refused.notFound("Control");
            }
            return resolved;
        }
        catch (Refused unknown) {
            throw Refused.notFound("Control");
        }
    }

    // --- deciding ------------------------------------------------------------------------------------------------

    /** The ISMS manager decides on a control; an exclusion needs its justification. */
    public SoaRow decide(Tenant tenant, String reference, SoaForm form) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        String control = resolve(reference);
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.getApplicable() == null) {
            problems.put("applicable", "Say whether the control applies");
        }
        if (Boolean.FALSE.equals(form.getApplicable()) && (form.getExclusionJustification() == null || form.getExclusionJustification().isBlank())) {
            problems.put("exclusionJustification", "Say why the control is excluded: an auditor asks for the justification of every exclusion");
        }
        if (form.getOwnerId() != null) {
            people.cannotBeGivenWork(org, form.getOwnerId(), "The owner must be an active member of this organisation")
                    .ifPresent(why -> problems.put("ownerId", why));
        }
        java.util.Set<UUID> known = new java.util.HashSet<>();
        policies.search(org, PageRequest.of(0, 1000)).forEach(p -> known.add(p.id()));
        for (int i = 0; i < form.getPolicyIds().size(); i++) {
            if (!known.contains(form.getPolicyIds().get(i))) {
                problems.put("policyIds[" + i + "]", "Choose a policy of this organisation");
            }
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        SoaEntry entry = entries.findByOrganisationIdAndRequirement(org, control).orElse(null);
        if (entry == null) {
            if (form.getVersion() != null && form.getVersion() != 0) {
                throw Refused.staleEdit();
            }
            entry = new SoaEntry(org, control);
        }
        else {
            Refused.requireCurrentVersion(form.getVersion(), entry.getVersion());
        }
        entry.decide(form.getApplicable(), form.getOtherReasons(), form.getExclusionJustification(), form.getStatus(),
                form.getImplementation(), form.getOwnerId(), new java.util.LinkedHashSet<>(form.getPolicyIds()), form.getEvidenceValidMonths(),
                clock.instant());
        entries.saveAndFlush(entry);
        return row(org, control);
    }

    /** Attaches a file of evidence to a control (deciding nothing else). */
    public EvidenceView attach(Tenant tenant, String reference, EvidenceManagement.Upload upload) throws IOException {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        String control = resolve(reference);
        SoaEntry entry = entries.findByOrganisationIdAndRequirement(org, control).orElseGet(() -> {
            SoaEntry created = new SoaEntry(org, control);
            created.decide(null, null, null, ImplementationStatus.NOT_STARTED, null, null, List.of(), null, clock.instant());
            return entries.saveAndFlush(created);
        });
        return evidence.store(org, EVIDENCE_OWNER, entry.getId(), tenant.userId(), upload);
    }

    // --- versions ------------------------------------------------------------------------------------------------

    /** Top management approves the SoA as it stands; every control must be decided first. */
    public SoaVersionView approve(Tenant tenant, String note) {
        if (!tenant.hasAnyRole("MANAGEMENT")) {
            throw new AccessDeniedException("Top management approves the Statement of Applicability");
        }
        UUID org = tenant.organisationId();
        List<SoaRow> rows = rows(org);
        long undecided = rows.stream().filter(r -> r.applicable() == null).count();
        if (undecided > 0) {
            throw Refused.conflict(undecided + (undecided == 1 ? " control is" : " controls are") + " not decided yet: decide whether each "
                    + "applies before the Statement of Applicability is approved");
        }
        List<FrozenRow> frozen = rows.stream().map(FrozenRow::of).toList();
        int applicable = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable())).count();
        int implemented = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable()) && r.status() == ImplementationStatus.IMPLEMENTED).count();
        versions.findFirstByOrganisationIdAndStatus(org, VersionStatus.APPROVED).ifPresent(SoaVersion::supersede);
        versions.flush();
        SoaVersion version = versions.saveAndFlush(new SoaVersion(org, versions.lastNumber(org) + 1, tenant.userId(), note, applicable,
                rows.size() - applicable, implemented, JSON.writeValueAsBytes(frozen), clock.instant()));
        Outline doc = outline(org, frozen, "version " + version.getNumber() + ", approved by " + tenant.userName() + " on "
                + Dates.DAY.format(LocalDate.ofInstant(version.getApprovedAt(), organisations.zone(org)))
                + (version.getNote() == null ? "" : ": " + version.getNote()));
        for (DocumentFormat format : DocumentFormat.values()) {
            byte[] content = format.render(doc, pdf);
            jdbc.update("insert into soa_document (version_id, organisation_id, format, content, sha256) values (?, ?, ?, ?, ?)",
                    version.getId(), org, format.name(), content, Sha256.hex(content));
        }
        return view(version, people.displayNames(org));
    }

    @Transactional(readOnly = true)
    public List<SoaVersionView> versions(UUID organisationId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return versions.findByOrganisationIdOrderByNumberDesc(organisationId).stream().map(v -> view(v, names)).toList();
    }

    @Transactional(readOnly = true)
    public SoaVersionView version(UUID organisationId, UUID id) {
        return view(find(organisationId, id), people.displayNames(organisationId));
    }

    /** The version in force at a moment: the last approved at or before it. */
    @Transactional(readOnly = true)
    public List<SoaVersionView> inForceDuring(UUID organisationId, Instant from, Instant to) {
        List<SoaVersionView> all = versions(organisationId);
        List<SoaVersionView> during = new ArrayList<>();
        for (SoaVersionView v : all) { // newest first
            if (!v.approvedAt().isAfter(to)) {
                during.add(v);
                if (!v.approvedAt().isAfter(from)) {
                    break;
                }
            }
        }
        return during;
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> approvedDocument(UUID organisationId, UUID versionId, DocumentFormat format) {
        find(organisationId, versionId);
        return jdbc.query("select content from soa_document where version_id = ? and organisation_id = ? and format = ?",
                (rs, i) -> rs.getBytes(1), versionId, organisationId, format.name()).stream().findFirst();
    }

    /** The SoA as it stands (the draft of the next version). */
    @Transactional(readOnly = true)
    public byte[] currentDocument(UUID organisationId, DocumentFormat format) {
        return format.render(outline(organisationId, rows(organisationId).stream().map(FrozenRow::of).toList(),
                "as it stands on " + Dates.DAY.format(organisations.today(organisationId)) + ", not approved"), pdf);
    }

    /** Control by control, field by field: what changed from one approved version to another. */
    @Transactional(readOnly = true)
    public SoaDiff diff(UUID organisationId, UUID fromId, UUID toId) {
        SoaVersion from = find(organisationId, fromId);
        SoaVersion to = find(organisationId, toId);
        Map<String, FrozenRow> before = new LinkedHashMap<>();
        frozen(from).forEach(r -> before.put(r.code(), r));
        List<SoaDiff.Change> changes = new ArrayList<>();
        for (FrozenRow after : frozen(to)) {
            FrozenRow was = before.remove(after.code());
            if (was == null) {
                changes.add(new SoaDiff.Change(after.code(), after.title(), "Control", "", "added"));
                continue;
            }
            List<String> a = was.cells();
            List<String> b = after.cells();
            for (int i = 2; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    changes.add(new SoaDiff.Change(after.code(), after.title(), FrozenRow.HEADERS.get(i), a.get(i), b.get(i)));
                }
            }
        }
        before.values().forEach(r -> changes.add(new SoaDiff.Change(r.code(), r.title(), "Control", "present", "removed")));
        return new SoaDiff(from.getNumber(), to.getNumber(), changes);
    }

    /** Approved versions and decisions changed since a moment, for the management review's input (f). */
    @Override
    @Transactional(readOnly = true)
    public Applicability.Summary since(UUID organisationId, Instant since) {
        List<SoaVersion> all = versions.findByOrganisationIdOrderByNumberDesc(organisationId);
        long versionsApproved = all.stream().filter(v -> since == null || v.getApprovedAt().isAfter(since)).count();
        Long decided = since == null ? jdbc.queryForObject("select count(*) from soa_entry where organisation_id = ?", Long.class, organisationId)
                : jdbc.queryForObject("select count(*) from soa_entry where organisation_id = ? and updated_at > ?", Long.class, organisationId,
                        java.sql.Timestamp.from(since));
        List<SoaRow> rows = rows(organisationId);
        return new Applicability.Summary(versionsApproved, all.stream().filter(v -> v.getStatus() == VersionStatus.APPROVED)
                .map(SoaVersion::getNumber).findFirst().orElse(null), decided == null ? 0 : decided,
                rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable())).count(),
                rows.stream().filter(r -> Boolean.FALSE.equals(r.applicable())).count(),
                rows.stream().filter(r -> !r.problems().isEmpty()).count());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> exclusions(UUID organisationId) {
        Map<String, String> excluded = new HashMap<>();
        entries.findByOrganisationId(organisationId).stream().filter(e -> Boolean.FALSE.equals(e.getApplicable()))
                .forEach(e -> excluded.put(e.getRequirement(), e.getExclusionJustification()));
        return excluded;
    }

    private List<FrozenRow> frozen(SoaVersion version) {
        return List.of(JSON.readValue(version.getRowsJson(), FrozenRow[].class));
    }

    private Outline outline(UUID organisationId, List<FrozenRow> rows, String state) {
        String organisation = organisations.get(organisationId).name();
        Outline doc = new Outline("Statement of Applicability", organisation + " · " + state,
                organisation + " — Statement of Applicability, " + state).logo(organisations.logo(organisationId));
        long applicable = rows.stream().filter(r -> r.applicable().equals("Yes")).count();
        doc.paragraph("The Statement of Applicability of clause 6.1.3 d of ISO/IEC 27001:2022: for each control, whether it applies and "
                + "why (the risks, nonconformities and policies that call for it, and other reasons), or why it is excluded; how far it "
                + "is implemented and how, by whom, under which policies and with which evidence.");
        doc.labelled("Controls", rows.size() + ": " + applicable + " applicable, " + rows.stream().filter(r -> r.applicable().equals("No")).count()
                + " excluded");
        doc.labelled("Implemented", rows.stream().filter(r -> r.applicable().equals("Yes") && r.status().equals(ImplementationStatus.IMPLEMENTED.label()))
                .count() + " of the " + applicable + " applicable controls");
        doc.heading(1, "Controls");
        doc.table(FrozenRow.HEADERS, rows.stream().map(FrozenRow::cells).toList(), "The catalogue declares no controls.");
        return doc;
    }

    private SoaVersion find(UUID organisationId, UUID id) {
        return versions.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Version of the Statement of Applicability"));
    }

    private static SoaVersionView view(SoaVersion v, Map<UUID, String> names) {
        return new SoaVersionView(v.getId(), v.getNumber(), v.getStatus(), v.getApprovedBy(), names.getOrDefault(v.getApprovedBy(), "(former member)"),
                v.getApprovedAt(), v.getNote(), v.getApplicable(), v.getExcluded(), v.getImplemented());
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the Statement of Applicability");
        }
    }
}
