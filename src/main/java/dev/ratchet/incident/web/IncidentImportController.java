package dev.ratchet.incident.web;

import java.util.List;

import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV import pages of the register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/incidents")
class IncidentImportController extends ImportEndpoints<IncidentManagement.ImportRow> {

    IncidentImportController(Imports imports, IncidentManagement incidents) {
        super(imports, new ImportPage("Import incidents", "Incidents", "/incidents", incidents), incidents, "incidents.csv", "incident",
                List.of("Reference", "Title", "Detected", "Category", "Severity"),
                r -> List.of(r.reference() == null ? "(numbered on import)" : r.reference(), r.form().getTitle(), IncidentController.moment(r.form().getDetectedAt()), r.form().getCategory().label(), r.form().getSeverity().label()));
    }
}
