package dev.ratchet.objective.web;

import java.util.List;

import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV import pages of the register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/objectives")
class MeasurementImportController extends ImportEndpoints<ObjectiveManagement.ImportRow> {

    MeasurementImportController(Imports imports, ObjectiveManagement objectives) {
        super(imports, new ImportPage("Import measurements", "Objectives", "/objectives", objectives), objectives, "objective-measurements.csv", "measurement",
                List.of("Objective", "Date", "Value", "Comment"),
                r -> List.of(r.objective().getReference(), r.measuredOn().toString(), r.value().toPlainString(), r.comment() == null ? "" : r.comment()));
    }
}
