package dev.ratchet.incident.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Incidents for the evidence bundle: the columns of the page's export. */
@Component
class IncidentSheet extends RegisterSheet.Named {

    private final dev.ratchet.incident.IncidentManagement incidents;

    IncidentSheet(dev.ratchet.incident.IncidentManagement incidents) {
        super("incidents.xlsx", "Incidents");
        this.incidents = incidents;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        dev.ratchet.incident.IncidentFilter filter = new dev.ratchet.incident.IncidentFilter(null, null, null, from, to, null, null);
        TableExport.xlsx("Incidents", IncidentController.COLUMNS, TableExport.allPages(page -> incidents.search(tenant.organisationId(), filter, page),
                Sort.by(Sort.Direction.DESC, "detectedAt")), out);
    }
}
