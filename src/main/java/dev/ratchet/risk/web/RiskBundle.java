package dev.ratchet.risk.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.document.DocumentFormat;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.risk.RiskColumns;
import dev.ratchet.risk.RiskFilter;
import dev.ratchet.risk.RiskManagement;
import dev.ratchet.risk.TreatmentPlan;
import dev.ratchet.shared.BundleDocuments;
import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The risk register for the evidence bundle (the columns of the page's export), and the approvals of the treatment
 * plan in force during the period (the last one before it and those within it), as approved.
 */
@Component
class RiskBundle extends RegisterSheet.Named implements BundleDocuments {

    private final RiskManagement risks;
    private final TreatmentPlan plan;
    private final OrganisationManagement organisations;

    RiskBundle(RiskManagement risks, TreatmentPlan plan, OrganisationManagement organisations) {
        super("risk-register.xlsx", "Risk register");
        this.risks = risks;
        this.plan = plan;
        this.organisations = organisations;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        if (tenant.onlyGuest()) { // a guest auditor receives the treatment plan as approved, not the register as it is edited
            TableExport.xlsx("Risks", List.of(new dev.ratchet.tabular.Column<String>("Note", text -> text)), into -> into.accept(
                    "The risk register is not part of a guest auditor's bundle: the risk treatment plan as approved is in the folder risks."), out);
            return;
        }
        TableExport.xlsx("Risks", RiskColumns.COLUMNS, TableExport.allPages(
                page -> risks.search(tenant.organisationId(), RiskFilter.none(), page), Sort.by("reference")), out);
    }

    @Override
    public List<Document> documents(Tenant tenant, LocalDate from, LocalDate to) {
        ZoneId zone = organisations.zone(tenant.organisationId());
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Document> documents = new ArrayList<>();
        for (TreatmentPlan.Approval a : plan.approvals(tenant.organisationId())) { // newest first
            if (a.approvedAt().isBefore(end)) {
                for (DocumentFormat format : List.of(DocumentFormat.PDF, DocumentFormat.DOCX)) {
                    documents.add(new Document("risks/risk-treatment-plan approval " + a.number() + "." + format.name().toLowerCase(java.util.Locale.ROOT),
                            "Risk treatment plan, approval " + a.number(), () -> plan.approved(tenant.organisationId(), a.id(), format).orElseThrow()));
                }
                if (!a.approvedAt().isAfter(start)) {
                    break; // the one in force when the period began
                }
            }
        }
        return documents;
    }
}
