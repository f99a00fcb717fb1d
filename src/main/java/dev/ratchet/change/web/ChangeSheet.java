package dev.ratchet.change.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** ISMS change log for the evidence bundle: the columns of the page's export. */
@Component
class ChangeSheet extends RegisterSheet.Named {

    private final dev.ratchet.change.ChangeManagement changes;

    ChangeSheet(dev.ratchet.change.ChangeManagement changes) {
        super("isms-change-log.xlsx", "ISMS change log");
        this.changes = changes;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        TableExport.xlsx("ISMS change log", dev.ratchet.change.ChangeLog.COLUMNS, TableExport.allPages(page -> changes.search(
                tenant.organisationId(), new dev.ratchet.change.ChangeFilter(null, from, to, null), page), Sort.by("plannedDate", "reference")), out);
    }
}
