package dev.ratchet.feedback.web;

import java.util.List;

import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.tabular.ImportEndpoints;
import dev.ratchet.tabular.ImportPage;
import dev.ratchet.tabular.Imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The CSV import pages of the register (see {@link ImportEndpoints}). */
@Controller
@RequestMapping("/feedback")
class FeedbackImportController extends ImportEndpoints<FeedbackManagement.ImportRow> {

    FeedbackImportController(Imports imports, FeedbackManagement feedback) {
        super(imports, new ImportPage("Import feedback from interested parties", "Feedback", "/feedback", feedback), feedback, "feedback.csv", "piece of feedback",
                List.of("Reference", "Received", "Party", "Kind", "Subject"),
                r -> List.of(r.reference() == null ? "(numbered on import)" : r.reference(), r.form().getReceivedOn().toString(),
                        r.form().getPartyName(), r.form().getKind().label(), r.form().getSubject()));
    }
}
