package dev.ratchet.change.web;

import java.util.List;

import dev.ratchet.change.ChangeManagement;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV import pages of the register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/changes")
class ChangeImportController extends ImportEndpoints<ChangeManagement.ImportRow> {

    ChangeImportController(Imports imports, ChangeManagement changes) {
        super(imports, new ImportPage("Import changes", "ISMS change log", "/changes", changes), changes, "isms-changes.csv", "change",
                List.of("Reference", "Change", "Planned date", "Cause"),
                r -> List.of(r.reference() == null ? "(numbered on import)" : r.reference(), r.form().getTitle(),
                        r.form().getPlannedDate().toString(), r.form().getCauseReference() == null ? "" : r.form().getCauseReference()));
    }
}
