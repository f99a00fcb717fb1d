package dev.ratchet.risk.web;

import java.util.List;

import dev.ratchet.risk.RiskImport;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV and XLSX import pages of the risk register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/risks")
class RiskImportController extends ImportEndpoints<RiskImport.Row> {

    RiskImportController(Imports imports, RiskImport risks) {
        super(imports, new ImportPage("Import risks", "Risks", "/risks", risks), risks, "risks.csv", "risk",
                List.of("Reference", "Title", "Owner", "Inherent", "Current"),
                r -> List.of(r.reference() == null ? "(numbered on import)" : r.reference(), r.form().getTitle(),
                        r.ownerName(),
                        r.form().getAssessment().getInherentLikelihood() + " × " + r.form().getAssessment().getInherentImpact(),
                        r.form().getAssessment().getCurrentLikelihood() + " × " + r.form().getAssessment().getCurrentImpact()));
    }
}
