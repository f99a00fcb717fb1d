package dev.ratchet.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.document.DocxDocument;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit report as PDF and DOCX: scope, criteria, team, independence statement, summary by result, findings
 * with their improvement references, conclusion and sign-off. Both are made from the same {@link Report}.
 */
@Service
@Transactional(readOnly = true)
public class AuditReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm");

    private final AuditManagement audits;
    private final OrganisationManagement organisations;
    private final PdfDocuments pdf;

    AuditReports(AuditManagement audits, OrganisationManagement organisations, PdfDocuments pdf) {
        this.audits = audits;
        this.organisations = organisations;
        this.pdf = pdf;
    }

    /** Everything the report says, as text, in the order it says it. */
    public record Report(String organisation, AuditView audit, String period, String typeLine, String independence,
            List<String> scopeAreas, List<String> scopeRequirements, Map<String, Long> summary, String status,
            String signOff, String fileName) {
    }

    public Report report(UUID organisationId, UUID auditId) {
        AuditView a = audits.get(organisationId, auditId);
        OrganisationDetails organisation = organisations.get(organisationId);
        ZoneId zone = ZoneId.of(organisation.timeZone());
        String typeLine = switch (a.type()) {
            case INTERNAL -> "Internal audit";
            case CERTIFICATION -> a.certificationStage().label() + " by " + a.certificationBody();
            case CLIENT_OR_THIRD_PARTY -> "Audit by " + a.party()
                    + (a.contractReference() == null ? "" : " under " + a.contractReference());
        };
        Map<String, Long> summary = new LinkedHashMap<>();
        for (LineResult r : LineResult.values()) {
            summary.put(r.label(), a.count(r));
        }
        if (a.notAssessed() > 0) {
            summary.put("Not assessed yet", a.notAssessed());
        }
        String status = a.status().label() + switch (a.status()) {
            case REPORTED, CLOSED -> a.reportedAt() == null ? "" : ", reported " + MOMENT.format(a.reportedAt().atZone(zone));
            case CANCELLED -> ": " + a.cancelReason();
            default -> ". This is a draft: the audit has not been reported.";
        };
        String signOff = a.reportedAt() == null ? "Not signed off: the audit has not been reported."
                : "Reported by the audit team led by " + (a.lead() == null ? "(no lead)" : a.lead()) + " on "
                        + DAY.format(a.reportedAt().atZone(zone)) + ".";
        return new Report(organisation.name(), a, DAY.format(a.plannedStart()) + " to " + DAY.format(a.plannedEnd()),
                typeLine, independence(a), a.areas().stream().map(AuditView.Named::name).toList(),
                a.lines().stream().map(l -> l.code() + " " + l.requirementTitle()).toList(), summary, status, signOff,
                a.reference() + " audit report");
    }

    static String independence(AuditView a) {
        if (a.type() != AuditType.INTERNAL) {
            return "External audit: the auditors are independent of the organisation.";
        }
        if (a.overrides().isEmpty()) {
            return "No internal auditor on this audit owns or works in an area it covers (ISO/IEC 27001 clause 9.2.2, objectivity and impartiality).";
        }
        StringBuilder text = new StringBuilder("Independence overridden with justification: ");
        List<String> parts = new ArrayList<>();
        for (AuditView.TeamMember m : a.overrides()) {
            parts.add(m.name() + " audits " + String.join(", ", m.conflicts()) + ", which they own or work in. Justification: "
                    + m.justification());
        }
        return text.append(String.join(" ", parts)).toString();
    }

    public byte[] pdf(UUID organisationId, UUID auditId) {
        return pdf.render("audit/report-pdf", Map.of("report", report(organisationId, auditId)), organisations.logo(organisationId));
    }

    public byte[] docx(UUID organisationId, UUID auditId) {
        Report r = report(organisationId, auditId);
        AuditView a = r.audit();
        DocxDocument doc = new DocxDocument().logo(organisations.logo(organisationId))
                .running(r.organisation() + " — " + a.reference() + " audit report", "Status: " + r.status())
                .title(a.reference() + " " + a.title(), r.organisation() + " - audit report")
                .paragraph(r.typeLine() + ", " + r.period() + ". Status: " + r.status());
        doc.heading(1, "Objectives and criteria").labelled("Objectives", a.objectives()).labelled("Criteria", a.criteria());
        doc.heading(1, "Scope")
                .labelled("Areas and processes", r.scopeAreas().isEmpty() ? "None named" : String.join(", ", r.scopeAreas()))
                .table(List.of("Requirement"), r.scopeRequirements().stream().map(List::of).toList());
        doc.heading(1, "Audit team").table(List.of("Auditor", "Role", "Organisation"), a.team().stream()
                .map(m -> List.of(m.name(), m.lead() ? "Lead auditor" : "Auditor", m.external() ? (m.organisation() == null ? "External" : m.organisation()) : r.organisation()))
                .toList());
        doc.heading(2, "Independence").paragraph(r.independence());
        doc.heading(1, "Summary of results").table(List.of("Result", "Requirements"), r.summary().entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
        doc.heading(1, "Findings");
        if (a.findings().isEmpty()) {
            doc.paragraph("No nonconformities or opportunities for improvement.");
        } else {
            doc.table(List.of("Requirement", "Result", "Finding", "Improvement record"), a.findings().stream()
                    .map(l -> List.of(l.code() + " " + l.requirementTitle(), l.result().label(), l.notes() == null ? "" : l.notes(),
                            l.improvementReference() == null ? "not raised" : l.improvementReference() + " (" + l.improvementStatus() + ")"))
                    .toList());
        }
        doc.heading(1, "Checklist").table(List.of("Requirement", "Result", "Notes", "Evidence seen"), a.lines().stream()
                .map(l -> List.of(l.code() + " " + l.requirementTitle(), l.result() == null ? "not assessed" : l.result().label(),
                        l.notes() == null ? "" : l.notes(), l.evidenceSeen() == null ? "" : l.evidenceSeen()))
                .toList());
        doc.heading(1, "Conclusion").paragraph(a.conclusion() == null ? "Not reported yet." : a.conclusion());
        doc.heading(1, "Sign-off").paragraph(r.signOff());
        return doc.toBytes();
    }
}
