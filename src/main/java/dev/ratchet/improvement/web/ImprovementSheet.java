package dev.ratchet.improvement.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Incident and corrective action log for the evidence bundle: the columns of the page's export. */
@Component
class ImprovementSheet extends RegisterSheet.Named {

    private final dev.ratchet.improvement.ImprovementManagement improvements;

    ImprovementSheet(dev.ratchet.improvement.ImprovementManagement improvements) {
        super("incident-and-corrective-action-log.xlsx", "Incident and corrective action log");
        this.improvements = improvements;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        dev.ratchet.improvement.RegisterFilter raised = new dev.ratchet.improvement.RegisterFilter(null, null, null, null, null, null, null,
                null, null, from, to, null);
        TableExport.xlsx("Improvement log", dev.ratchet.improvement.ImprovementLog.COLUMNS,
                into -> improvements.log(tenant.organisationId(), raised, Sort.by("raisedAt"), into), out);
    }
}
