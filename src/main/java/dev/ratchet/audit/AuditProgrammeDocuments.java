package dev.ratchet.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.document.Outline;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.organisation.OrganisationManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit programme of a year as a document (clause 9.2.2): its basis, the audit frequency Ratchet computes per
 * area and why, each planned audit with scope, criteria, dates, team and independence statement, status and report,
 * the revisions with their approval, and the coverage of the certification cycle. PDF, DOCX and XLSX from one
 * {@link Outline}.
 */
@Service
@Transactional(readOnly = true)
public class AuditProgrammeDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final AuditManagement audits;
    private final OrganisationManagement organisations;
    private final HistoryManagement history;
    private final PdfDocuments pdf;

    private final dev.ratchet.catalogue.FrameworkScopes scopes;

    AuditProgrammeDocuments(AuditManagement audits, OrganisationManagement organisations, HistoryManagement history, PdfDocuments pdf,
            dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.scopes = scopes;
        this.audits = audits;
        this.organisations = organisations;
        this.history = history;
        this.pdf = pdf;
    }

    public byte[] pdf(UUID organisationId, int year) {
        return outline(organisationId, year).pdf(pdf);
    }

    public byte[] docx(UUID organisationId, int year) {
        return outline(organisationId, year).docx();
    }

    public byte[] xlsx(UUID organisationId, int year) {
        return outline(organisationId, year).xlsx();
    }

    public static String fileName(int year) {
        return "audit-programme-" + year;
    }

    public Outline outline(UUID organisationId, int year) {
        ProgrammeView p = audits.programme(organisationId, year);
        String organisation = organisations.get(organisationId).name();
        ZoneId zone = organisations.zone(organisationId);
        String state = p.approved() ? "revision " + p.revision() + ", approved"
                : "revision " + p.revision() + ", " + (p.approvedRevision() == null ? "not approved yet" : "changed since revision "
                        + p.approvedRevision() + " was approved");
        Outline doc = new Outline("Audit programme " + year, organisation + " · " + state, organisation + " — audit programme " + year + ", " + state).logo(organisations.logo(organisationId));
        doc.paragraph("The internal audit programme of clause 9.2.2 of ISO/IEC 27001:2022, with the external audits of the year;"
                + " " + p.done() + " of " + p.active() + " audits reported (" + p.progress() + "%).");

        doc.heading(1, "Basis of the programme");
        doc.paragraph(p.basis() == null ? "Not written." : p.basis());
        doc.heading(2, "Audit frequency by area");
        doc.paragraph("Ratchet proposes how often each area is audited from its importance and risk, and shortens the interval"
                + " where audits of the last three years found nonconformities.");
        doc.table(List.of("Area or process", "Risk", "Nonconformities found (major / minor)", "Audit every", "Why", "Last audited", "Next due"),
                audits.frequencies(organisationId).stream().map(f -> List.of(f.name(), f.risk().label(),
                        f.majorFindings() + " / " + f.minorFindings(), f.intervalMonths() + " months", f.reason() == null ? "" : f.reason(),
                        f.lastAudited() == null ? "Not audited in the cycle" : DAY.format(f.lastAudited()),
                        (f.nextDue() == null ? "" : DAY.format(f.nextDue())) + (f.overdue() ? " (overdue)" : "")
                                + (f.plannedFor() == null ? "" : ", planned " + DAY.format(f.plannedFor())))).toList(),
                "No areas or processes are defined.");

        doc.heading(1, "Audits planned");
        doc.table(List.of("Audit", "Type", "Dates", "Lead auditor", "Status"), p.audits().stream()
                .map(a -> List.of(a.reference() + " " + a.title(), type(a.type(), a.certificationStage()),
                        DAY.format(a.plannedStart()) + " to " + DAY.format(a.plannedEnd()), a.lead() == null ? "Not named" : a.lead(),
                        a.status().label()))
                .toList(), "No audits planned for " + year + ".");
        for (AuditSummary summary : p.audits()) {
            AuditView a = audits.get(organisationId, summary.id());
            doc.heading(2, a.reference() + " " + a.title())
                    .labelled("Type", type(a.type(), a.certificationStage()) + (a.certificationBody() == null ? "" : " by " + a.certificationBody())
                            + (a.party() == null ? "" : " by " + a.party()) + (a.contractReference() == null ? "" : " under " + a.contractReference()))
                    .labelled("Dates", DAY.format(a.plannedStart()) + " to " + DAY.format(a.plannedEnd()))
                    .labelled("Objectives", a.objectives())
                    .labelled("Criteria", a.criteria())
                    .labelled("Areas and processes", a.areas().isEmpty() ? "None named" : a.areas().stream().map(AuditView.Named::name)
                            .collect(Collectors.joining(", ")))
                    .labelled("Scope (clauses and controls)", a.lines().isEmpty() ? "None listed" : a.lines().stream()
                            .map(l -> l.code() + " " + l.requirementTitle()).collect(Collectors.joining("; ")))
                    .labelled("Lead auditor", a.team().stream().filter(AuditView.TeamMember::lead).map(AuditView.TeamMember::name)
                            .findFirst().orElse("Not named"))
                    .labelled("Audit team", a.team().isEmpty() ? "Not named" : a.team().stream()
                            .map(m -> m.name() + (m.external() ? " (" + (m.organisation() == null ? "external" : m.organisation()) + ")" : ""))
                            .collect(Collectors.joining(", ")))
                    .labelled("Independence", AuditReports.independence(a))
                    .labelled("Status", a.status().label() + (a.cancelReason() == null ? "" : ": " + a.cancelReason()))
                    .labelled("Report", a.reportedAt() == null ? "Not reported yet"
                            : "Reported " + DAY.format(LocalDate.ofInstant(a.reportedAt(), zone)) + ": \"" + a.reference()
                                    + " audit report\" (PDF and DOCX), " + a.results().getOrDefault(LineResult.MAJOR_NONCONFORMITY, 0L)
                                    + " major and " + a.results().getOrDefault(LineResult.MINOR_NONCONFORMITY, 0L) + " minor nonconformities");
        }

        doc.heading(1, "Revisions and approval");
        List<List<String>> revisions = new ArrayList<>();
        if (p.id() != null) {
            List<HistoryEntry> entries = new ArrayList<>(history.of(organisationId, "AuditProgramme", p.id().toString()));
            java.util.Collections.reverse(entries);
            for (HistoryEntry h : entries) {
                String opened = change(h, "revision");
                String approved = change(h, "approvedRevision");
                if (h.action() == HistoryEntry.Action.CREATE) {
                    revisions.add(List.of("1", "Created", DAY.format(h.occurredAt().atZone(zone)), h.actorName() == null ? "" : h.actorName(), ""));
                } else if (approved != null) {
                    revisions.add(List.of(approved, "Approved", DAY.format(h.occurredAt().atZone(zone)), h.actorName() == null ? "" : h.actorName(),
                            change(h, "approvalNote") == null ? "" : change(h, "approvalNote")));
                } else if (opened != null) {
                    revisions.add(List.of(opened, "Opened by a change after approval", DAY.format(h.occurredAt().atZone(zone)),
                            h.actorName() == null ? "" : h.actorName(), ""));
                }
            }
        }
        doc.table(List.of("Revision", "Event", "Date", "By", "Note"), revisions, "No revisions recorded.");
        doc.labelled("Current revision", String.valueOf(p.revision()))
                .labelled("Approval", p.approvedAt() == null ? "Not approved" : "Revision " + p.approvedRevision() + " approved by "
                        + p.approvedByName() + " on " + DAY.format(p.approvedAt().atZone(zone))
                        + (p.approvalNote() == null ? "" : ": " + p.approvalNote()));

        // The cycle's coverage of each framework in scope, ISO/IEC 27001 first; mapped evidence counted apart.
        for (String framework : scopes.ids(organisationId)) {
            Coverage coverage = audits.coverage(organisationId, framework, year);
            doc.heading(1, "Coverage of the certification cycle " + coverage.years().get(0) + " to "
                    + coverage.years().get(coverage.years().size() - 1) + ": " + coverage.frameworkName());
            doc.paragraph(coverage.frameworkName() + ": " + coverage.covered() + " requirements audited, " + coverage.mapped()
                    + " covered only through a mapped requirement audited, " + coverage.planned() + " planned, "
                    + coverage.excluded() + " excluded with a reason, " + coverage.gaps() + " not covered (" + coverage.coveredPercent()
                    + "% covered directly, " + coverage.withMappedPercent() + "% with mapped evidence).");
            List<String> headers = new ArrayList<>(List.of("Requirement"));
            coverage.years().forEach(y -> headers.add(String.valueOf(y)));
            headers.add("Cycle");
            doc.table(headers, coverage.groups().stream().flatMap(g -> g.rows().stream()).map(r -> {
                List<String> cells = new ArrayList<>(List.of(r.code() + " " + r.title()));
                r.cells().forEach(c -> cells.add(c.result() != null ? c.result().label() : c.planned() ? "Planned" : ""));
                cells.add(switch (r.state()) {
                    case COVERED -> "Covered";
                    case MAPPED -> "Through " + String.join(", ", r.mappedFrom().stream().map(m -> scopes.label(m)).toList());
                    case PLANNED -> "Planned";
                    case EXCLUDED -> "Excluded: " + r.exclusionReason();
                    case GAP -> "Not covered";
                });
                return cells;
            }).toList(), "No requirements in the catalogue.");
        }
        return doc;
    }

    private static String change(HistoryEntry h, String field) {
        return h.changes().stream().filter(c -> c.field().equals(field)).map(dev.ratchet.history.Change::after).findFirst().orElse(null);
    }

    private static String type(AuditType type, CertificationStage stage) {
        return switch (type) {
            case INTERNAL -> "Internal audit";
            case CERTIFICATION -> stage == null ? "Certification audit" : stage.label();
            case CLIENT_OR_THIRD_PARTY -> "Client or third-party audit";
        };
    }
}
