package dev.ratchet.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.ActionView;
import dev.ratchet.document.DocumentFormat;
import dev.ratchet.document.Outline;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.risk.domain.PlanApproval;
import dev.ratchet.risk.domain.PlanApprovalRepository;
import dev.ratchet.risk.domain.Risk;
import dev.ratchet.risk.domain.RiskAcceptance;
import dev.ratchet.risk.domain.RiskAcceptanceRepository;
import dev.ratchet.risk.domain.RiskRepository;
import dev.ratchet.risk.domain.RiskTreatmentRepository;
import dev.ratchet.shared.Dates;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk treatment plan (6.1.3 e–f, 8.3): every open or accepted risk with its levels and treatment, its treatment
 * actions with the controls they implement, status and dates, and the acceptances in force with who and when. One
 * {@link Outline} gives PDF, DOCX and XLSX. Top management approves the whole plan; the documents are then stored as
 * approved, so that an approved plan downloaded later is the plan approved.
 */
@Service
@Transactional
public class TreatmentPlan {

    /** An approval of the plan, for the plan page and the API. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RiskTreatmentPlanApproval")
    public record Approval(UUID id, int number, UUID approvedBy, String approvedByName, java.time.Instant approvedAt, String note,
            int risks, int openActions) {
    }

    /** The plan's figures: for the plan page, the dashboard and the management review. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RiskTreatmentFigures")
    public record Figures(long actionsOpen, long actionsOverdue, long actionsDone, long acceptancesInForce, long acceptancesExpiringSoon) {
    }

    private final RiskRepository risks;
    private final RiskTreatmentRepository treatments;
    private final RiskAcceptanceRepository acceptances;
    private final PlanApprovalRepository approvals;
    private final RiskCriteriaManagement criteria;
    private final ActionManagement actions;
    private final OrganisationManagement organisations;
    private final People people;
    private final PdfDocuments pdf;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TreatmentPlan(RiskRepository risks, RiskTreatmentRepository treatments, RiskAcceptanceRepository acceptances,
            PlanApprovalRepository approvals, RiskCriteriaManagement criteria, ActionManagement actions, OrganisationManagement organisations,
            People people, PdfDocuments pdf, JdbcTemplate jdbc, Clock clock) {
        this.risks = risks;
        this.treatments = treatments;
        this.acceptances = acceptances;
        this.approvals = approvals;
        this.criteria = criteria;
        this.actions = actions;
        this.organisations = organisations;
        this.people = people;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The plan as it stands now (not approved). */
    @Transactional(readOnly = true)
    public byte[] current(UUID organisationId, DocumentFormat format) {
        return render(outline(organisationId, "as it stands on " + Dates.DAY.format(organisations.today(organisationId)) + ", not approved"),
                organisationId, format);
    }

    /** Top management approves the plan as it stands: the documents are rendered and kept as they are now. */
    public Approval approve(Tenant tenant, String note) {
        if (!tenant.hasAnyRole("MANAGEMENT")) {
            throw new AccessDeniedException("Top management approves the risk treatment plan");
        }
        UUID org = tenant.organisationId();
        int number = approvals.lastNumber(org) + 1;
        Figures figures = figures(org);
        long count = risks.countByOrganisationId(org);
        if (count == 0) {
            throw Refused.conflict("The register has no risks: there is no treatment plan to approve yet");
        }
        PlanApproval approval = approvals.saveAndFlush(new PlanApproval(org, number, tenant.userId(), note, (int) count,
                (int) figures.actionsOpen(), clock.instant()));
        Outline doc = outline(org, "approval " + number + " by " + tenant.userName() + " on "
                + Dates.DAY.format(LocalDate.ofInstant(approval.getApprovedAt(), organisations.zone(org)))
                + (approval.getNote() == null ? "" : ": " + approval.getNote()));
        for (DocumentFormat format : DocumentFormat.values()) {
            byte[] content = render(doc, org, format);
            jdbc.update("insert into risk_plan_document (approval_id, organisation_id, format, content, sha256) values (?, ?, ?, ?, ?)",
                    approval.getId(), org, format.name(), content, Sha256.hex(content));
        }
        return view(approval, people.displayNames(org));
    }

    @Transactional(readOnly = true)
    public List<Approval> approvals(UUID organisationId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return approvals.findByOrganisationIdOrderByNumberDesc(organisationId).stream().map(a -> view(a, names)).toList();
    }

    /** The documents of an approval, as they were rendered when it was given. */
    @Transactional(readOnly = true)
    public Optional<byte[]> approved(UUID organisationId, UUID approvalId, DocumentFormat format) {
        return approvals.findByIdAndOrganisationId(approvalId, organisationId).flatMap(a -> jdbc.query(
                "select content from risk_plan_document where approval_id = ? and organisation_id = ? and format = ?",
                (rs, i) -> rs.getBytes(1), a.getId(), organisationId, format.name()).stream().findFirst());
    }

    @Transactional(readOnly = true)
    public Optional<Approval> approval(UUID organisationId, UUID approvalId) {
        return approvals.findByIdAndOrganisationId(approvalId, organisationId).map(a -> view(a, people.displayNames(organisationId)));
    }

    /** Treatment actions open, overdue and done; acceptances in force and ending within the reminder lead time. */
    @Transactional(readOnly = true)
    public Figures figures(UUID organisationId) {
        LocalDate today = organisations.today(organisationId);
        LocalDate soon = today.plusDays(Math.max(30, organisations.get(organisationId).reminderLeadDays()));
        return jdbc.queryForObject("""
                select sum(case when a.status in ('OPEN', 'IN_PROGRESS') then 1 else 0 end),
                       sum(case when a.status in ('OPEN', 'IN_PROGRESS') and a.due_date < ? then 1 else 0 end),
                       sum(case when a.status = 'DONE' then 1 else 0 end),
                       (select count(*) from risk_acceptance c where c.organisation_id = ? and c.status = 'ACTIVE'),
                       (select count(*) from risk_acceptance c where c.organisation_id = ? and c.status = 'ACTIVE' and c.expires_on <= ?)
                from action_item a where a.organisation_id = ? and a.origin_type = 'RISK'""",
                (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                java.sql.Date.valueOf(today), organisationId, organisationId, java.sql.Date.valueOf(soon), organisationId);
    }

    byte[] render(Outline doc, UUID organisationId, DocumentFormat format) {
        return format.render(doc, pdf);
    }

    /** The plan: every risk not closed, highest current level first, with its actions and acceptance. */
    Outline outline(UUID organisationId, String state) {
        String organisation = organisations.get(organisationId).name();
        ZoneId zone = organisations.zone(organisationId);
        LocalDate today = organisations.today(organisationId);
        Map<UUID, RiskCriteriaView> all = criteria.all(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        List<Risk> register = risks.findAll((root, query, cb) -> cb.and(cb.equal(root.get("organisationId"), organisationId),
                cb.notEqual(root.get("status"), RiskStatus.CLOSED)), org.springframework.data.domain.Sort.by(
                org.springframework.data.domain.Sort.Order.desc("currentLevel"), org.springframework.data.domain.Sort.Order.asc("reference")));
        Map<UUID, List<String>> controls = new HashMap<>();
        treatments.findByOrganisationId(organisationId).forEach(t -> controls.put(t.getActionId(), t.getControls()));
        Map<UUID, RiskAcceptance> accepted = new HashMap<>();
        acceptances.findByOrganisationIdAndStatus(organisationId, AcceptanceStatus.ACTIVE).forEach(a -> accepted.put(a.getRiskId(), a));
        Map<UUID, List<ActionView>> planned = new HashMap<>();
        actions.ofOrigins(organisationId, register.stream().map(Risk::getId).toList()).stream()
                .filter(a -> RiskManagement.TREATMENT_ORIGIN.equals(a.originType()))
                .forEach(a -> planned.computeIfAbsent(a.originId(), k -> new ArrayList<>()).add(a));
        Optional<RiskCriteriaView> inForce = criteria.inForce(organisationId);

        Outline doc = new Outline("Risk treatment plan", organisation + " · " + state, organisation + " — risk treatment plan, " + state)
                .logo(organisations.logo(organisationId));
        doc.paragraph("The risk treatment plan of clauses 6.1.3 and 8.3 of ISO/IEC 27001:2022: for every risk in the register that is "
                + "not closed, its levels under the risk criteria, the treatment chosen, the actions that implement it with the controls "
                + "they put in place, and the acceptance of the residual risk by whom the acceptance criteria require.");
        doc.labelled("Risk criteria in force", inForce.map(c -> "version " + c.number() + ", approved "
                + Dates.DAY.format(LocalDate.ofInstant(c.approvedAt(), zone)) + " by " + c.approvedByName()).orElse("none approved"));
        Figures f = figures(organisationId);
        doc.labelled("Risks", register.size() + " open or accepted");
        doc.labelled("Treatment actions", f.actionsOpen() + " open (" + f.actionsOverdue() + " overdue), " + f.actionsDone() + " done");
        doc.labelled("Acceptances in force", String.valueOf(f.acceptancesInForce()));

        doc.heading(1, "Risks and their treatment");
        doc.table(List.of("Risk", "Owner", "Inherent", "Current", "Target", "Treatment", "Acceptance"), register.stream().map(r -> {
            RiskCriteriaView c = all.get(r.getCriteriaId());
            Risk.Levels l = r.levels();
            RiskAcceptance a = accepted.get(r.getId());
            return List.of(r.getReference() + " " + r.getTitle(), names.getOrDefault(r.getOwnerId(), "(former member)"),
                    c.level(l.inherentLevel()).name() + " (" + l.inherentLikelihood() + "×" + l.inherentImpact() + ")",
                    c.level(l.currentLevel()).name() + " (" + l.currentLikelihood() + "×" + l.currentImpact() + ")",
                    c.level(l.targetLevel()).name(), r.getTreatment().label(),
                    a == null ? "Not accepted" : "Accepted until " + Dates.DAY.format(a.getExpiresOn()));
        }).toList(), "The register has no open risks.");

        doc.heading(1, "Treatment actions");
        List<List<String>> rows = new ArrayList<>();
        for (Risk r : register) {
            for (ActionView a : planned.getOrDefault(r.getId(), List.of())) {
                rows.add(List.of(r.getReference(), a.title(), String.join(", ", controls.getOrDefault(a.id(), List.of()).stream()
                        .map(TreatmentPlan::code).toList()), a.ownerName() == null ? "" : a.ownerName(), Dates.DAY.format(a.dueDate()),
                        a.status().label() + (a.overdueOn(today) ? " (overdue)" : ""),
                        a.completedAt() == null ? "" : Dates.DAY.format(LocalDate.ofInstant(a.completedAt(), zone))));
            }
        }
        doc.table(List.of("Risk", "Action", "Controls", "Owner", "Due", "Status", "Done on"), rows, "No treatment actions are planned.");

        doc.heading(1, "Acceptance of residual risk");
        doc.table(List.of("Risk", "Level accepted", "Accepted by", "As", "On", "Until", "Rationale"), register.stream()
                .filter(r -> accepted.containsKey(r.getId())).map(r -> {
                    RiskAcceptance a = accepted.get(r.getId());
                    return List.of(r.getReference(), a.getLevelName(), names.getOrDefault(a.getAcceptedBy(), "(former member)"),
                            a.getAcceptedAs().label(), Dates.DAY.format(LocalDate.ofInstant(a.getAcceptedAt(), zone)),
                            Dates.DAY.format(a.getExpiresOn()), a.getRationale());
                }).toList(), "No residual risk is accepted.");
        return doc;
    }

    private static String code(String reference) {
        int colon = reference.indexOf(':');
        return colon < 0 ? reference : reference.substring(colon + 1);
    }

    private static Approval view(PlanApproval a, Map<UUID, String> names) {
        return new Approval(a.getId(), a.getNumber(), a.getApprovedBy(), names.getOrDefault(a.getApprovedBy(), "(former member)"),
                a.getApprovedAt(), a.getNote(), a.getRisks(), a.getOpenActions());
    }
}
