package dev.ratchet.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ratchet.audit.domain.Audit;
import dev.ratchet.audit.domain.AuditExclusion;
import dev.ratchet.audit.domain.AuditExclusionRepository;
import dev.ratchet.audit.domain.AuditLine;
import dev.ratchet.audit.domain.AuditLineRepository;
import dev.ratchet.audit.domain.AuditProgramme;
import dev.ratchet.audit.domain.AuditProgrammeRepository;
import dev.ratchet.audit.domain.AuditReferences;
import dev.ratchet.audit.domain.AuditRepository;
import dev.ratchet.audit.domain.AuditTeamMember;
import dev.ratchet.audit.domain.AuditTeamMemberRepository;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Texts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit programme and its audits: plan, staff, run, find, report, close; and the coverage of the catalogue. */
@Service
@Transactional
public class AuditManagement {

    public static final String DEFAULT_FRAMEWORK = "iso27001-2022";

    static final String DEFAULT_BASIS = """
            Audits are planned from the importance of the processes concerned, the results of previous audits and \
            the risk assessment. High-risk areas are audited every six months, medium-risk areas yearly and low-risk \
            areas at least once in the three-year certification cycle; an area where an audit found a nonconformity \
            is audited again sooner. Every clause of ISO/IEC 27001 and every applicable Annex A control is audited \
            at least once in the cycle, unless deliberately left out with a recorded reason. Internal auditors do \
            not audit their own work.""";

    private final AuditRepository audits;
    private final AuditProgrammeRepository programmes;
    private final AuditTeamMemberRepository teams;
    private final AuditLineRepository lines;
    private final AuditExclusionRepository exclusions;
    private final org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.Applicability> applicability;
    private final AuditReferences references;
    private final OrganisationManagement organisations;
    private final CatalogueManagement catalogue;
    private final ImprovementManagement improvements;
    private final EvidenceManagement evidence;
    private final People people;
    private final Clock clock;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    AuditManagement(AuditRepository audits, AuditProgrammeRepository programmes, AuditTeamMemberRepository teams,
            AuditLineRepository lines, AuditExclusionRepository exclusions, AuditReferences references,
            org.springframework.beans.factory.ObjectProvider<dev.ratchet.shared.Applicability> applicability,
            OrganisationManagement organisations, CatalogueManagement catalogue, ImprovementManagement improvements,
            EvidenceManagement evidence, People people, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.audits = audits;
        this.programmes = programmes;
        this.teams = teams;
        this.lines = lines;
        this.exclusions = exclusions;
        this.applicability = applicability;
        this.references = references;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.improvements = improvements;
        this.evidence = evidence;
        this.people = people;
        this.clock = clock;
    }

    // --- the programme -----------------------------------------------------------------------------------------

    /** The year's programme; one not written yet shows the proposed basis and no audits. */
    @Transactional(readOnly = true)
    public ProgrammeView programme(UUID organisationId, int year) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return programmes.findByOrganisationIdAndProgrammeYear(organisationId, year)
                .map(p -> view(p, names))
                .orElseGet(() -> new ProgrammeView(null, year, DEFAULT_BASIS, 1, AuditProgramme.DRAFT, null, null, null,
                        null, List.of(), 0));
    }

    @Transactional(readOnly = true)
    public List<Integer> programmeYears(UUID organisationId) {
        return programmes.findByOrganisationIdOrderByProgrammeYearDesc(organisationId).stream()
                .map(AuditProgramme::getProgrammeYear).toList();
    }

    public ProgrammeView describeProgramme(Tenant tenant, int year, String basis, Long version) {
        requirePlanner(tenant);
        AuditProgramme programme = programmeFor(tenant, year);
        Refused.requireCurrentVersion(version, programme.getVersion());
        programme.describe(basis);
        programmes.flush();
        return view(programme, people.displayNames(tenant.organisationId()));
    }

    /** Top management approves the programme; a later change opens a new revision to approve. */
    public ProgrammeView approveProgramme(Tenant tenant, int year, String note, Long version) {
        if (!tenant.hasAnyRole("MANAGEMENT")) {
            throw new AccessDeniedException("Top management (the MANAGEMENT role) approves the audit programme");
        }
        AuditProgramme programme = programmes.findByOrganisationIdAndProgrammeYear(tenant.organisationId(), year)
                .orElseThrow(() -> Refused.notFound("Audit programme"));
        Refused.requireCurrentVersion(version, programme.getVersion());
        if (audits.findByOrganisationIdAndProgrammeIdOrderByPlannedStartAscReferenceAsc(tenant.organisationId(), programme.getId()).isEmpty()) {
            throw Refused.conflict("Plan at least one audit before approving the programme");
        }
        programme.approve(tenant.userId(), note, clock.instant());
        programmes.flush();
        return view(programme, people.displayNames(tenant.organisationId()));
    }

    private AuditProgramme programmeFor(Tenant tenant, int year) {
        return programmes.findByOrganisationIdAndProgrammeYear(tenant.organisationId(), year)
                .orElseGet(() -> programmes.saveAndFlush(
                        new AuditProgramme(tenant.organisationId(), year, DEFAULT_BASIS, tenant.userId(), clock.instant())));
    }

    private ProgrammeView view(AuditProgramme p, Map<UUID, String> names) {
        List<Audit> planned = audits.findByOrganisationIdAndProgrammeIdOrderByPlannedStartAscReferenceAsc(p.getOrganisationId(), p.getId());
        return new ProgrammeView(p.getId(), p.getProgrammeYear(), p.getBasis(), p.getRevision(), p.getStatus(),
                p.getApprovedRevision(), p.getApprovedBy() == null ? null : names.getOrDefault(p.getApprovedBy(), "(former member)"),
                p.getApprovedAt(), p.getApprovalNote(), summaries(p.getOrganisationId(), planned, names), p.getVersion());
    }

    // --- planning ----------------------------------------------------------------------------------------------

    public AuditView plan(Tenant tenant, AuditForm form) {
        requirePlanner(tenant);
        List<String> scope = checkScope(tenant.organisationId(), form);
        AuditProgramme programme = programmeFor(tenant, form.getPlannedStart().getYear());
        Audit audit = new Audit(tenant.organisationId(), programme.getId(),
                references.next(tenant.organisationId(), programme.getProgrammeYear()), form, tenant.userId(), clock.instant());
        audits.saveAndFlush(audit);
        syncLines(audit, scope);
        programme.changed();
        programmes.flush();
        return get(tenant.organisationId(), audit.getId());
    }

    public AuditView replan(Tenant tenant, UUID id, AuditForm form) {
        requirePlanner(tenant);
        Audit audit = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(form.getVersion(), audit.getVersion());
        List<String> scope = checkScope(tenant.organisationId(), form);
        AuditProgramme before = programmes.getReferenceById(audit.getProgrammeId());
        AuditProgramme after = programmeFor(tenant, form.getPlannedStart().getYear());
        boolean scheduleChanged = !form.getPlannedStart().equals(audit.getPlannedStart())
                || !form.getPlannedEnd().equals(audit.getPlannedEnd()) || form.getType() != audit.getType();
        audit.plan(after.getId(), form);
        checkIndependence(audit, teams.findByAuditIdOrderByLeadDescIdAsc(audit.getId()));
        syncLines(audit, scope);
        if (scheduleChanged || !before.getId().equals(after.getId())) {
            before.changed();
            after.changed();
        }
        audits.flush();
        return get(tenant.organisationId(), id);
    }

    private List<String> checkScope(UUID organisationId, AuditForm form) {
        for (UUID areaId : form.getAreaIds()) {
            if (areaId != null) {
                organisations.area(organisationId, areaId); // refuses an area of another organisation
            }
        }
        List<String> scope = new ArrayList<>();
        if (form.getFramework() != null && !form.getFramework().isBlank()) {
            String framework = form.getFramework().strip();
            if (catalogue.framework(framework).isEmpty()) {
                throw Refused.field("framework", "\"" + dev.ratchet.shared.Texts.excerpt(framework) + "\" is not a framework Ratchet knows");
            }
            catalogue.auditable(framework).forEach(r -> scope.add(r.reference()));
        }
        for (String requirement : form.getRequirements()) {
            if (requirement == null || requirement.isBlank()) {
                continue;
            }
            String reference = catalogue.resolve("requirements", requirement);
            if (!scope.contains(reference)) {
                scope.add(reference);
            }
        }
        if (scope.isEmpty()) {
            throw Refused.field("requirements", "Choose the clauses and controls in scope, or a whole framework: the checklist is made from them");
        }
        return scope;
    }

    /** The checklist follows the scope: a line per requirement in the catalogue's order; worked lines stay. */
    private void syncLines(Audit audit, List<String> scope) {
        List<AuditLine> existing = lines.findByAuditIdOrderByPosition(audit.getId());
        Map<String, AuditLine> byRequirement = new LinkedHashMap<>();
        existing.forEach(l -> byRequirement.put(l.getRequirement(), l));
        List<String> dropped = new ArrayList<>();
        for (AuditLine line : existing) {
            if (!scope.contains(line.getRequirement())) {
                if (line.isWorkedOn()) {
                    dropped.add(code(line.getRequirement()));
                } else {
                    lines.delete(line);
                }
            }
        }
        if (!dropped.isEmpty()) {
            throw Refused.field("requirements", "Results are recorded against " + String.join(", ", dropped)
                    + ": they stay in scope (record them as not audited instead)");
        }
        lines.flush();
        Map<String, Integer> order = catalogueOrder();
        List<String> sorted = new ArrayList<>(scope);
        sorted.sort((a, b) -> Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE)));
        int position = 1;
        // A control the Statement of Applicability excludes stays on the checklist as excluded, with why: not a gap to audit.
        Map<String, String> notApplicable = applicability.stream().findFirst().map(a -> a.exclusions(audit.getOrganisationId())).orElse(Map.of());
        for (String requirement : sorted) {
            AuditLine line = byRequirement.get(requirement);
            if (line == null) {
                AuditLine added = new AuditLine(audit, position, requirement);
                if (notApplicable.containsKey(requirement)) {
                    added.record(LineResult.NOT_AUDITED, "Excluded in the Statement of Applicability: " + notApplicable.get(requirement), null);
                }
                lines.save(added);
            } else if (line.getPosition() != position) {
                line.moveTo(position);
            }
            position++;
        }
        lines.flush();
    }

    private Map<String, Integer> catalogueOrder() {
        Map<String, Integer> order = new HashMap<>();
        catalogue.frameworks().forEach(f -> f.requirements().forEach(r -> order.putIfAbsent(r.reference(), order.size())));
        return order;
    }

    // --- the team and independence -----------------------------------------------------------------------------

    public AuditView addTeamMember(Tenant tenant, UUID auditId, TeamMemberForm form) {
        requirePlanner(tenant);
        Audit audit = find(tenant.organisationId(), auditId);
        Refused.requireCurrentVersion(form.getVersion(), audit.getVersion());
        if (!audit.getStatus().isOpen()) {
            throw Refused.conflict("The team of a " + audit.getStatus().label().toLowerCase() + " audit stays as it was");
        }
        boolean internal = form.getUserId() != null;
        boolean external = form.getExternalName() != null && !form.getExternalName().isBlank();
        if (internal == external) {
            throw Refused.field("userId", "Choose a member of the organisation, or name an external auditor (not both)");
        }
        List<AuditTeamMember> team = new ArrayList<>(teams.findByAuditIdOrderByLeadDescIdAsc(auditId));
        if (internal) {
            people.requireAssignable(tenant.organisationId(), form.getUserId(), "userId",
                    "The auditor must be an active member of this organisation");
            if (team.stream().anyMatch(m -> form.getUserId().equals(m.getUserId()))) {
                throw Refused.field("userId", "Already on the team");
            }
        }
        String justification = form.getJustification() == null || form.getJustification().isBlank() ? null : form.getJustification().strip();
        AuditTeamMember member = new AuditTeamMember(audit, form.getUserId(), external ? form.getExternalName().strip() : null,
                external && form.getExternalOrganisation() != null && !form.getExternalOrganisation().isBlank()
                        ? form.getExternalOrganisation().strip() : null,
                form.isLead(), justification);
        team.add(member);
        checkIndependence(audit, team);
        if (form.isLead()) {
            team.stream().filter(m -> m != member && m.isLead()).forEach(m -> m.lead(false));
        }
        teams.save(member);
        teams.flush();
        return get(tenant.organisationId(), auditId);
    }

    public AuditView removeTeamMember(Tenant tenant, UUID auditId, UUID memberId, Long version) {
        requirePlanner(tenant);
        Audit audit = find(tenant.organisationId(), auditId);
        Refused.requireCurrentVersion(version, audit.getVersion());
        if (!audit.getStatus().isOpen()) {
            throw Refused.conflict("The team of a " + audit.getStatus().label().toLowerCase() + " audit stays as it was");
        }
        AuditTeamMember member = teams.findById(memberId).filter(m -> m.getAuditId().equals(auditId))
                .orElseThrow(() -> Refused.notFound("Team member"));
        teams.delete(member);
        teams.flush();
        return get(tenant.organisationId(), auditId);
    }

    /**
     * ISO 27001 9.2.2: auditors are chosen so that the audit is objective and impartial. An internal auditor may
     * not audit an area they own or work in; where the organisation allows it, a written justification overrides.
     */
    private void checkIndependence(Audit audit, List<AuditTeamMember> team) {
        if (audit.getType() != AuditType.INTERNAL) {
            return;
        }
        Map<UUID, List<String>> conflicts = conflicts(audit, team);
        if (conflicts.isEmpty()) {
            return;
        }
        boolean overridable = organisations.get(audit.getOrganisationId()).allowIndependenceOverride();
        Map<UUID, String> names = people.displayNames(audit.getOrganisationId());
        for (AuditTeamMember member : team) {
            List<String> areas = conflicts.get(member.getId());
            if (areas == null) {
                continue;
            }
            String who = names.getOrDefault(member.getUserId(), "This auditor");
            String what = who + " owns or works in " + String.join(", ", areas) + ", which this audit covers";
            if (!overridable) {
                throw Refused.field("userId", what + ": an auditor does not audit their own work. Choose another auditor, or take the area out of scope.");
            }
            if (member.getOverrideJustification() == null) {
                throw Refused.field("justification", what + ". Give a justification for the override: it is printed in the audit report and the management review pack.");
            }
        }
    }

    private Map<UUID, List<String>> conflicts(Audit audit, List<AuditTeamMember> team) {
        Map<UUID, List<String>> conflicts = new HashMap<>();
        if (audit.getType() != AuditType.INTERNAL || audit.getAreaIds().isEmpty()) {
            return conflicts;
        }
        List<AreaView> areas = organisations.allAreas(audit.getOrganisationId()).stream()
                .filter(a -> audit.getAreaIds().contains(a.id())).toList();
        for (AuditTeamMember member : team) {
            if (member.getUserId() == null) {
                continue;
            }
            List<String> own = areas.stream()
                    .filter(a -> member.getUserId().equals(a.ownerId()) || a.memberIds().contains(member.getUserId()))
                    .map(AreaView::name).toList();
            if (!own.isEmpty()) {
                conflicts.put(member.getId(), own);
            }
        }
        return conflicts;
    }

    // --- running the audit -------------------------------------------------------------------------------------

    public AuditView start(Tenant tenant, UUID id, Long version) {
        Audit audit = find(tenant.organisationId(), id);
        requireAuditor(tenant, audit);
        Refused.requireCurrentVersion(version, audit.getVersion());
        List<AuditTeamMember> team = teams.findByAuditIdOrderByLeadDescIdAsc(id);
        if (team.stream().noneMatch(AuditTeamMember::isLead)) {
            throw Refused.missing("Starting the audit", Map.of("lead", "a lead auditor on the team"));
        }
        checkIndependence(audit, team);
        audit.start(clock.instant());
        audits.flush();
        return get(tenant.organisationId(), id);
    }

    public AuditView recordLine(Tenant tenant, UUID auditId, UUID lineId, LineForm form) {
        Audit audit = find(tenant.organisationId(), auditId);
        requireAuditor(tenant, audit);
        AuditLine line = lines.findByIdAndAuditIdAndOrganisationId(lineId, auditId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Checklist line"));
        Refused.requireCurrentVersion(form.getVersion(), line.getVersion());
        if (audit.getStatus() != AuditStatus.IN_PROGRESS) {
            throw Refused.conflict(audit.getStatus() == AuditStatus.PLANNED
                    ? "Start the audit before recording results"
                    : "The checklist of a " + audit.getStatus().label().toLowerCase() + " audit is kept as reported");
        }
        line.record(form.getResult(), form.getNotes(), form.getEvidenceSeen());
        lines.flush();
        return get(tenant.organisationId(), auditId);
    }

    /** What Ratchet proposes as the improvement record of a finding line; the auditor confirms or corrects it. */
    @Transactional(readOnly = true)
    public FindingForm proposeFinding(Tenant tenant, UUID auditId, UUID lineId) {
        Audit audit = find(tenant.organisationId(), auditId);
        AuditLine line = lines.findByIdAndAuditIdAndOrganisationId(lineId, auditId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Checklist line"));
        if (line.getResult() == null || line.getResult().finding() == null || line.getImprovementId() != null) {
            throw Refused.conflict("Only a nonconformity or an opportunity for improvement raises an improvement record, once");
        }
        String title = catalogue.find(line.getRequirement()).map(Requirement::title).orElse(line.getRequirement());
        FindingForm form = new FindingForm();
        // A title to read in a list: the control and the first words of the auditor's note (the note is the description).
        form.setTitle(line.getNotes() == null || line.getNotes().isBlank() ? Texts.truncate(code(line.getRequirement()) + " " + title, 200)
                : code(line.getRequirement()) + ": " + Texts.firstWords(line.getNotes(), 80));
        StringBuilder description = new StringBuilder();
        description.append("Found in ").append(audit.getReference()).append(" (").append(audit.getTitle()).append(") against ")
                .append(code(line.getRequirement())).append(" ").append(title).append(".");
        if (line.getNotes() != null) {
            description.append("\n\n").append(line.getNotes());
        }
        if (line.getEvidenceSeen() != null) {
            description.append("\n\nEvidence seen: ").append(line.getEvidenceSeen());
        }
        form.setDescription(Texts.truncate(description.toString(), 8000));
        form.setAreaId(audit.getAreaIds().isEmpty() ? null : audit.getAreaIds().get(0));
        form.setVersion(line.getVersion());
        return form;
    }

    /** Raises the improvement record of a nonconformity or opportunity line, linked both ways. */
    public AuditView raiseFinding(Tenant tenant, UUID auditId, UUID lineId, FindingForm form) {
        Audit audit = find(tenant.organisationId(), auditId);
        requireAuditor(tenant, audit);
        AuditLine line = lines.findByIdAndAuditIdAndOrganisationId(lineId, auditId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Checklist line"));
        Refused.requireCurrentVersion(form.getVersion(), line.getVersion());
        if (audit.getStatus() != AuditStatus.IN_PROGRESS) {
            throw Refused.conflict("Findings are raised while the audit is in progress");
        }
        if (line.getResult() == null || line.getResult().finding() == null) {
            throw Refused.conflict("Only a nonconformity or an opportunity for improvement raises an improvement record");
        }
        if (line.getImprovementId() != null) {
            throw Refused.conflict("This line's finding has been raised already");
        }
        if (form.getAreaId() != null && !audit.getAreaIds().contains(form.getAreaId())) {
            organisations.area(tenant.organisationId(), form.getAreaId());
        }
        ReportForm report = new ReportForm();
        report.setKind(line.getResult().finding());
        report.setGrade(line.getResult().grade());
        report.setTitle(form.getTitle());
        report.setDescription(form.getDescription());
        report.setSource(audit.getType().source());
        report.setSourceReference(audit.getReference());
        report.setAreaId(form.getAreaId());
        report.setOwnerId(form.getOwnerId());
        report.setRequirements(new ArrayList<>(List.of(line.getRequirement())));
        ImprovementView raised = improvements.report(tenant, report, audit.getId());
        line.raised(raised.id());
        lines.flush();
        return get(tenant.organisationId(), auditId);
    }

    public EvidenceView attach(Tenant tenant, UUID auditId, UUID lineId, EvidenceManagement.Upload upload) throws IOException {
        Audit audit = find(tenant.organisationId(), auditId);
        requireAuditor(tenant, audit);
        AuditLine line = lines.findByIdAndAuditIdAndOrganisationId(lineId, auditId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Checklist line"));
        if (audit.getStatus() != AuditStatus.IN_PROGRESS) {
            throw Refused.conflict("Evidence is attached while the audit is in progress");
        }
        return evidence.store(tenant.organisationId(), "AUDIT_LINE", line.getId(), tenant.userId(), upload);
    }

    public AuditView report(Tenant tenant, UUID id, String conclusion, Long version) {
        Audit audit = find(tenant.organisationId(), id);
        requireAuditor(tenant, audit);
        Refused.requireCurrentVersion(version, audit.getVersion());
        List<String> blockers = reportBlockers(lines.findByAuditIdOrderByPosition(id));
        if (audit.getStatus() == AuditStatus.IN_PROGRESS && !blockers.isEmpty()) {
            Map<String, String> missing = new LinkedHashMap<>();
            for (int i = 0; i < blockers.size(); i++) {
                missing.put("lines[" + i + "]", blockers.get(i));
            }
            throw Refused.missing("Reporting the audit", missing);
        }
        audit.report(conclusion, clock.instant());
        audits.flush();
        return get(tenant.organisationId(), id);
    }

    private static List<String> reportBlockers(List<AuditLine> checklist) {
        List<String> blockers = new ArrayList<>();
        List<String> open = checklist.stream().filter(l -> l.getResult() == null).map(l -> code(l.getRequirement())).toList();
        if (!open.isEmpty()) {
            blockers.add("a result for " + String.join(", ", open) + " (\"not audited\" where it was not)");
        }
        checklist.stream().filter(l -> l.getResult() != null && l.getResult().isNonconformity() && l.getImprovementId() == null)
                .forEach(l -> blockers.add("the improvement record of the nonconformity against " + code(l.getRequirement())));
        return blockers;
    }

    public AuditView close(Tenant tenant, UUID id, Long version) {
        Audit audit = find(tenant.organisationId(), id);
        requireAuditor(tenant, audit);
        Refused.requireCurrentVersion(version, audit.getVersion());
        audit.close(clock.instant());
        audits.flush();
        return get(tenant.organisationId(), id);
    }

    public AuditView cancel(Tenant tenant, UUID id, String reason, Long version) {
        requirePlanner(tenant);
        Audit audit = find(tenant.organisationId(), id);
        Refused.requireCurrentVersion(version, audit.getVersion());
        audit.cancel(reason, clock.instant());
        programmes.getReferenceById(audit.getProgrammeId()).changed();
        audits.flush();
        return get(tenant.organisationId(), id);
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public AuditView get(UUID organisationId, UUID id) {
        Audit a = find(organisationId, id);
        Map<UUID, String> names = people.displayNames(organisationId);
        Map<UUID, String> areaNames = areaNames(organisationId);
        List<AuditTeamMember> team = teams.findByAuditIdOrderByLeadDescIdAsc(id);
        Map<UUID, List<String>> conflicts = conflicts(a, team);
        List<AuditView.TeamMember> members = team.stream().map(m -> new AuditView.TeamMember(m.getId(), m.getUserId(),
                m.getUserId() == null ? m.getExternalName() : names.getOrDefault(m.getUserId(), "(former member)"),
                m.getUserId() == null ? m.getExternalOrganisation() : null, m.getUserId() == null, m.isLead(),
                conflicts.getOrDefault(m.getId(), List.of()), m.getOverrideJustification(), m.getVersion())).toList();
        List<AuditLine> checklist = lines.findByAuditIdOrderByPosition(id);
        Map<UUID, ImprovementView.Link> links = improvements.links(organisationId,
                checklist.stream().map(AuditLine::getImprovementId).filter(Objects::nonNull).toList());
        Map<UUID, List<EvidenceView>> files = evidence.ofOwners(organisationId, checklist.stream().map(AuditLine::getId).toList())
                .stream().collect(Collectors.groupingBy(EvidenceView::ownerId));
        List<AuditView.Line> lineViews = checklist.stream().map(l -> {
            ImprovementView.Link link = l.getImprovementId() == null ? null : links.get(l.getImprovementId());
            return new AuditView.Line(l.getId(), l.getPosition(), l.getRequirement(), code(l.getRequirement()),
                    catalogue.find(l.getRequirement()).map(Requirement::title).orElse("(no longer in the catalogue)"),
                    l.getResult(), l.getNotes(), l.getEvidenceSeen(), l.getImprovementId(),
                    link == null ? null : link.reference(), link == null ? null : link.status().label(),
                    files.getOrDefault(l.getId(), List.of()), l.getVersion());
        }).toList();
        Map<LineResult, Long> results = new EnumMap<>(LineResult.class);
        checklist.stream().filter(l -> l.getResult() != null).forEach(l -> results.merge(l.getResult(), 1L, Long::sum));
        long notAssessed = checklist.stream().filter(l -> l.getResult() == null).count();
        int year = programmes.findById(a.getProgrammeId()).map(AuditProgramme::getProgrammeYear).orElse(a.getPlannedStart().getYear());
        return new AuditView(a.getId(), a.getReference(), a.getTitle(), a.getType(), a.getCertificationStage(),
                a.getCertificationBody(), a.getParty(), a.getContractReference(), a.getObjectives(), a.getCriteria(),
                a.getAreaIds().stream().map(areaId -> new AuditView.Named(areaId, areaNames.getOrDefault(areaId, "(deleted area)"))).toList(),
                a.getPlannedStart(), a.getPlannedEnd(), a.getStatus(), a.getCancelReason(), a.getConclusion(),
                a.getStartedAt(), a.getReportedAt(), a.getClosedAt(), a.getProgrammeId(), year, members, lineViews,
                results, notAssessed, a.getStatus() == AuditStatus.IN_PROGRESS ? reportBlockers(checklist) : List.of(),
                a.getVersion());
    }

    /** Audits reported in a period (reported or closed since), for the management review's input pack. */
    @Transactional(readOnly = true)
    public List<AuditSummary> reportedBetween(UUID organisationId, LocalDate from, LocalDate to) {
        ZoneId zone = zone(organisationId);
        java.time.Instant start = from.atStartOfDay(zone).toInstant();
        java.time.Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Audit> reported = audits.findAll((root, query, cb) -> cb.and(cb.equal(root.get("organisationId"), organisationId),
                cb.greaterThanOrEqualTo(root.get("reportedAt"), start), cb.lessThan(root.get("reportedAt"), end)),
                org.springframework.data.domain.Sort.by("reportedAt"));
        return summaries(organisationId, reported, people.displayNames(organisationId));
    }

    /** An audit's result on one requirement, as evidence of it. */
    public record Audited(UUID auditId, String audit, LineResult result) {
    }

    /** The results recorded in the period's audits (planned to start in it), by requirement, in audit order. */
    @Transactional(readOnly = true)
    public Map<String, List<Audited>> auditedBetween(UUID organisationId, LocalDate from, LocalDate to) {
        Map<String, List<Audited>> audited = new HashMap<>();
        jdbc.query("""
                select l.requirement, a.id, a.reference, l.result from audit_line l join audit a on a.id = l.audit_id
                 where l.organisation_id = ? and a.planned_start between ? and ? and l.result is not null order by a.planned_start, a.reference""",
                (java.sql.ResultSet rs) -> {
                    LineResult result = LineResult.valueOf(rs.getString(4));
                    if (result.audited()) {
                        audited.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Audited(rs.getObject(2, UUID.class), rs.getString(3), result));
                    }
                }, organisationId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
        return audited;
    }

    @Transactional(readOnly = true)
    public Page<AuditSummary> search(UUID organisationId, Integer year, AuditType type, AuditStatus status, UUID areaId,
            Pageable pageable) {
        Specification<Audit> spec = (root, query, cb) -> cb.equal(root.get("organisationId"), organisationId);
        if (year != null) {
            spec = spec.and((root, query, cb) -> cb.between(root.get("plannedStart"), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        if (type != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), type));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (areaId != null) {
            spec = spec.and((root, query, cb) -> cb.like(root.get("areaIds"), "%" + areaId + "%"));
        }
        Page<Audit> page = audits.findAll(spec, pageable);
        List<AuditSummary> content = summaries(organisationId, page.getContent(), people.displayNames(organisationId));
        return page.map(a -> content.stream().filter(s -> s.id().equals(a.getId())).findFirst().orElseThrow());
    }

    private List<AuditSummary> summaries(UUID organisationId, List<Audit> list, Map<UUID, String> names) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> areaNames = areaNames(organisationId);
        List<UUID> ids = list.stream().map(Audit::getId).toList();
        Map<UUID, String> leads = new HashMap<>();
        teams.findByAuditIdIn(ids).stream().filter(AuditTeamMember::isLead).forEach(m -> leads.put(m.getAuditId(),
                m.getUserId() == null ? m.getExternalName() : names.getOrDefault(m.getUserId(), "(former member)")));
        Map<UUID, Map<LineResult, Long>> counts = lineCounts(organisationId, ids);
        return list.stream().map(a -> {
            Map<LineResult, Long> c = counts.getOrDefault(a.getId(), Map.of());
            long requirements = c.values().stream().mapToLong(Long::longValue).sum();
            return new AuditSummary(a.getId(), a.getReference(), a.getTitle(), a.getType(), a.getCertificationStage(),
                    a.getStatus(), a.getPlannedStart(), a.getPlannedEnd(),
                    a.getAreaIds().stream().map(id -> areaNames.getOrDefault(id, "(deleted area)")).toList(),
                    leads.get(a.getId()), requirements,
                    c.getOrDefault(LineResult.MAJOR_NONCONFORMITY, 0L) + c.getOrDefault(LineResult.MINOR_NONCONFORMITY, 0L),
                    c.getOrDefault(LineResult.OPPORTUNITY, 0L));
        }).toList();
    }

    /** Lines per audit and result in one query; lines without a result yet count as not audited. */
    private Map<UUID, Map<LineResult, Long>> lineCounts(UUID organisationId, Collection<UUID> auditIds) {
        Map<UUID, Map<LineResult, Long>> counts = new HashMap<>();
        lines.countByResult(organisationId, auditIds).forEach(row -> {
            Map<LineResult, Long> perAudit = counts.computeIfAbsent((UUID) row[0], k -> new HashMap<>());
            LineResult result = (LineResult) row[1];
            perAudit.merge(result == null ? LineResult.NOT_AUDITED : result, (Long) row[2], Long::sum);
        });
        return counts;
    }

    private Map<UUID, String> areaNames(UUID organisationId) {
        return organisations.allAreas(organisationId).stream().collect(Collectors.toMap(AreaView::id, AreaView::name));
    }

    // --- coverage and frequency --------------------------------------------------------------------------------

    /** The framework's auditable requirements against the audits of the three years ending with {@code endYear}. */
    @Transactional(readOnly = true)
    public Coverage coverage(UUID organisationId, String frameworkId, int endYear) {
        String framework = frameworkId == null || frameworkId.isBlank() ? DEFAULT_FRAMEWORK : frameworkId;
        return coverage(organisationId, List.of(framework), endYear).get(0);
    }

    /** The coverage of several frameworks (those in scope, say) over one cycle, the cycle's audits read once. */
    @Transactional(readOnly = true)
    public List<Coverage> coverage(UUID organisationId, List<String> frameworks, int endYear) {
        List<Integer> years = List.of(endYear - 2, endYear - 1, endYear);
        Map<String, Map<Integer, CellData>> cells = new HashMap<>();
        for (Object[] row : lines.coverage(organisationId, LocalDate.of(endYear - 2, 1, 1), LocalDate.of(endYear, 12, 31))) {
            String requirement = (String) row[0];
            LocalDate start = (LocalDate) row[1];
            LineResult result = (LineResult) row[2];
            AuditStatus status = (AuditStatus) row[3];
            String reference = (String) row[4];
            CellData cell = cells.computeIfAbsent(requirement, k -> new HashMap<>()).computeIfAbsent(start.getYear(), k -> new CellData());
            cell.audits.add(reference);
            if (result != null && result.audited()) {
                cell.result = worse(cell.result, result);
            } else if (result == null && status.isOpen()) {
                cell.planned = true;
            }
        }
        Map<String, AuditExclusion> excluded = exclusions.findByOrganisationIdAndCycleEndYear(organisationId, endYear).stream()
                .collect(Collectors.toMap(AuditExclusion::getRequirement, Function.identity()));
        // Controls the Statement of Applicability excludes are not gaps of the audit programme: shown as excluded, with why.
        Map<String, String> notApplicable = applicability.stream().findFirst().map(a -> a.exclusions(organisationId)).orElse(Map.of());
        return frameworks.stream().map(framework -> coverage(framework, years, cells, excluded, notApplicable)).toList();
    }

    private Coverage coverage(String framework, List<Integer> years, Map<String, Map<Integer, CellData>> cells,
            Map<String, AuditExclusion> excluded, Map<String, String> notApplicable) {
        Map<String, Requirement> headings = new HashMap<>();
        catalogue.framework(framework).ifPresent(f -> f.requirements().forEach(r -> headings.put(r.code(), r)));
        Map<String, List<Coverage.Row>> groups = new LinkedHashMap<>();
        long covered = 0, planned = 0, left = 0, gaps = 0;
        long mapped = 0;
        for (Requirement r : catalogue.auditable(framework)) {
            Map<Integer, CellData> perYear = cells.getOrDefault(r.reference(), Map.of());
            // Evidence through a mapping: a requirement of another framework mapped to this one, audited in the cycle.
            List<String> mappedFrom = catalogue.mapped(r.reference()).stream()
                    .filter(m -> cells.getOrDefault(m.reference(), Map.of()).values().stream().anyMatch(d -> d.result != null))
                    .map(m -> m.reference()).distinct().toList();
            List<Coverage.Cell> row = years.stream().map(y -> {
                CellData d = perYear.get(y);
                return d == null ? new Coverage.Cell(y, null, false, List.of())
                        : new Coverage.Cell(y, d.result, d.planned, List.copyOf(d.audits));
            }).toList();
            AuditExclusion exclusion = excluded.get(r.reference());
            Coverage.State state;
            if (row.stream().anyMatch(c -> c.result() != null)) {
                state = Coverage.State.COVERED;
                covered++;
            } else if (row.stream().anyMatch(Coverage.Cell::planned)) {
                state = Coverage.State.PLANNED;
                planned++;
            } else if (!mappedFrom.isEmpty()) {
                state = Coverage.State.MAPPED;
                mapped++;
            } else if (exclusion != null || notApplicable.containsKey(r.reference())) {
                state = Coverage.State.EXCLUDED;
                left++;
            } else {
                state = Coverage.State.GAP;
                gaps++;
            }
            String group = r.parent() == null ? r.code() : r.parent();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Coverage.Row(r.reference(), r.code(), r.title(), row,
                    state, exclusion == null ? null : exclusion.getId(), exclusion != null ? exclusion.getReason()
                            : notApplicable.containsKey(r.reference()) ? "Excluded in the Statement of Applicability: " + notApplicable.get(r.reference()) : null,
                    exclusion == null ? 0 : exclusion.getVersion(), mappedFrom));
        }
        List<Coverage.Group> grouped = groups.entrySet().stream().map(e -> new Coverage.Group(e.getKey(),
                headings.containsKey(e.getKey()) ? headings.get(e.getKey()).title() : e.getKey(), e.getValue())).toList();
        String name = catalogue.framework(framework).map(f -> f.name()).orElse(framework);
        return new Coverage(framework, name, years, grouped, covered, mapped, planned, left, gaps);
    }

    private static final class CellData {
        LineResult result;
        boolean planned;
        Set<String> audits = new LinkedHashSet<>();
    }

    /** The worse of two results for the coverage: a nonconformity outweighs an observation outweighs conforming. */
    static LineResult worse(LineResult a, LineResult b) {
        if (a == null) {
            return b;
        }
        return severity(b) > severity(a) ? b : a;
    }

    private static int severity(LineResult r) {
        return switch (r) {
            case MAJOR_NONCONFORMITY -> 5;
            case MINOR_NONCONFORMITY -> 4;
            case OBSERVATION -> 3;
            case OPPORTUNITY -> 2;
            case CONFORMING -> 1;
            case NOT_AUDITED -> 0;
        };
    }

    /** What an exclusion is known by: its id and version, to withdraw it later. */
    public record Exclusion(UUID id, String requirement, int cycleEndYear, long version) {
    }

    public Exclusion exclude(Tenant tenant, String requirement, int cycleEndYear, String reason) {
        requirePlanner(tenant);
        requirement = catalogue.resolve("requirement", requirement);
        if (reason == null || reason.isBlank()) {
            throw Refused.field("reason", "Say why it is left out of this cycle's audits (for example: not applicable in the Statement of Applicability)");
        }
        if (reason.length() > 2000) {
            throw Refused.field("reason", "The reason can have at most 2000 characters");
        }
        if (exclusions.findByOrganisationIdAndRequirementAndCycleEndYear(tenant.organisationId(), requirement, cycleEndYear).isPresent()) {
            throw Refused.conflict("It is left out of this cycle already");
        }
        AuditExclusion saved = exclusions.saveAndFlush(new AuditExclusion(tenant.organisationId(), requirement, cycleEndYear,
                reason.strip(), tenant.userId(), clock.instant()));
        return new Exclusion(saved.getId(), saved.getRequirement(), saved.getCycleEndYear(), saved.getVersion());
    }

    public void withdrawExclusion(Tenant tenant, UUID exclusionId, Long version) {
        requirePlanner(tenant);
        AuditExclusion exclusion = exclusions.findByIdAndOrganisationId(exclusionId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Exclusion"));
        Refused.requireCurrentVersion(version, exclusion.getVersion());
        exclusions.delete(exclusion);
        exclusions.flush();
    }

    /** For each area: how often to audit it, from its risk and the nonconformities found there in the cycle. */
    @Transactional(readOnly = true)
    public List<AreaFrequency> frequencies(UUID organisationId) {
        LocalDate today = today(organisationId);
        LocalDate cycleStart = today.minusYears(3);
        List<Audit> recent = audits.findByOrganisationIdAndPlannedStartBetweenOrderByPlannedStart(organisationId, cycleStart,
                today.plusYears(1)).stream().filter(a -> a.getStatus() != AuditStatus.CANCELLED).toList();
        Map<UUID, Map<LineResult, Long>> counts = lineCounts(organisationId, recent.stream().map(Audit::getId).toList());
        List<AreaFrequency> result = new ArrayList<>();
        for (AreaView area : organisations.allAreas(organisationId)) {
            List<Audit> ofArea = recent.stream().filter(a -> a.getAreaIds().contains(area.id())).toList();
            long major = 0, minor = 0;
            LocalDate last = null, next = null;
            for (Audit a : ofArea) {
                Map<LineResult, Long> c = counts.getOrDefault(a.getId(), Map.of());
                boolean done = a.getStatus() == AuditStatus.REPORTED || a.getStatus() == AuditStatus.CLOSED;
                if (done) {
                    major += c.getOrDefault(LineResult.MAJOR_NONCONFORMITY, 0L);
                    minor += c.getOrDefault(LineResult.MINOR_NONCONFORMITY, 0L);
                    LocalDate audited = a.getReportedAt() == null ? a.getPlannedEnd()
                            : LocalDate.ofInstant(a.getReportedAt(), zone(organisationId));
                    last = last == null || audited.isAfter(last) ? audited : last;
                } else if (!a.getPlannedStart().isBefore(today.minusMonths(1)) && (next == null || a.getPlannedStart().isBefore(next))) {
                    next = a.getPlannedStart();
                }
            }
            int interval = area.risk().auditIntervalMonths();
            String reason = area.risk().label() + " risk: every " + interval + " months";
            if (major > 0 && interval > 6) {
                interval = 6;
                reason = "A major nonconformity in the cycle: every 6 months until it is resolved";
            } else if (minor > 0 && interval > 6) {
                interval = interval / 2;
                reason = area.risk().label() + " risk with " + minor + " minor nonconformit" + (minor == 1 ? "y" : "ies")
                        + " in the cycle: every " + interval + " months";
            }
            LocalDate due = last == null ? today : last.plusMonths(interval);
            boolean overdue = next == null && !due.isAfter(today);
            result.add(new AreaFrequency(area.id(), area.name(), area.risk(), major, minor, interval, reason, last,
                    due, next, overdue));
        }
        return result;
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }

    private ZoneId zone(UUID organisationId) {
        return organisations.zone(organisationId);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Audit find(UUID organisationId, UUID id) {
        return audits.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Audit"));
    }

    private static void requirePlanner(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager plans the audit programme");
        }
    }

    /** The ISMS manager, or an auditor on this audit's team. */
    private void requireAuditor(Tenant tenant, Audit audit) {
        if (tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            return;
        }
        boolean onTeam = tenant.hasAnyRole("AUDITOR") && teams.findByAuditIdOrderByLeadDescIdAsc(audit.getId()).stream()
                .anyMatch(m -> tenant.userId().equals(m.getUserId()));
        if (!onTeam) {
            throw new AccessDeniedException("Only the audit's team or the ISMS manager works on an audit");
        }
    }

    static String code(String requirement) {
        return requirement.substring(requirement.indexOf(':') + 1);
    }

}
