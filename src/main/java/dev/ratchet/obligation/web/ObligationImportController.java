package dev.ratchet.obligation.web;

import java.util.List;

import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV import pages of the register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/obligations")
class ObligationImportController extends ImportEndpoints<ObligationManagement.ImportRow> {

    ObligationImportController(Imports imports, ObligationManagement obligations) {
        super(imports, new ImportPage("Import obligations", "Obligations", "/obligations", obligations), obligations, "obligations.csv", "obligation",
                List.of("Reference", "Name", "Type", "Next review"),
                r -> List.of(r.reference() == null ? "(numbered on import)" : r.reference(), r.form().getName(),
                        r.form().getType().label(), r.form().getNextReviewDate().toString()));
    }
}
