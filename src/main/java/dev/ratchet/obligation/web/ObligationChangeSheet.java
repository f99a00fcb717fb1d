package dev.ratchet.obligation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.Column;
import dev.ratchet.tabular.TableExport;

import org.springframework.stereotype.Component;

/**
 * The changes to legal, regulatory and contractual obligations that took effect in the bundle's period (a source of
 * improvement, and input c of the management review), with their impact assessment.
 */
@Component
class ObligationChangeSheet extends RegisterSheet.Named {

    private static final List<Column<ObligationManagement.ChangeInPeriod>> COLUMNS = List.of(
            new Column<>("Obligation", ObligationManagement.ChangeInPeriod::reference),
            new Column<>("Name", ObligationManagement.ChangeInPeriod::name),
            new Column<>("Effective on", ObligationManagement.ChangeInPeriod::effectiveDate),
            new Column<>("Change", ObligationManagement.ChangeInPeriod::summary),
            new Column<>("Impact assessment", ObligationManagement.ChangeInPeriod::impactAssessment));

    private final ObligationManagement obligations;

    ObligationChangeSheet(ObligationManagement obligations) {
        super("obligation-changes.xlsx", "Changes to obligations in the period");
        this.obligations = obligations;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        TableExport.xlsx("Obligation changes", COLUMNS,
                into -> obligations.changesBetween(tenant.organisationId(), from, to).forEach(into), out);
    }
}
