package dev.ratchet.obligation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Legal, regulatory and contractual obligations for the evidence bundle: the columns of the page's export. */
@Component
class ObligationSheet extends RegisterSheet.Named {

    private final dev.ratchet.obligation.ObligationManagement obligations;

    ObligationSheet(dev.ratchet.obligation.ObligationManagement obligations) {
        super("legal-and-regulatory-obligations.xlsx", "Legal, regulatory and contractual obligations");
        this.obligations = obligations;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        TableExport.xlsx("Obligations", ObligationController.COLUMNS, TableExport.allPages(
                page -> obligations.search(tenant.organisationId(), null, null, null, null, page), Sort.by("reference")), out);
    }
}
