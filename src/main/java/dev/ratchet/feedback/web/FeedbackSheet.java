package dev.ratchet.feedback.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Feedback from interested parties for the evidence bundle: the columns of the page's export. */
@Component
class FeedbackSheet extends RegisterSheet.Named {

    private final dev.ratchet.feedback.FeedbackManagement feedback;

    FeedbackSheet(dev.ratchet.feedback.FeedbackManagement feedback) {
        super("feedback.xlsx", "Feedback from interested parties");
        this.feedback = feedback;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        TableExport.xlsx("Feedback", FeedbackController.COLUMNS, TableExport.allPages(
                page -> feedback.search(tenant, null, null, null, null, page), Sort.by("receivedOn", "reference")), out);
    }
}
