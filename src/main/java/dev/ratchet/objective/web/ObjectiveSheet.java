package dev.ratchet.objective.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import dev.ratchet.shared.RegisterSheet;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Information security objectives for the evidence bundle: the columns of the page's export. */
@Component
class ObjectiveSheet extends RegisterSheet.Named {

    private final dev.ratchet.objective.ObjectiveManagement objectives;

    ObjectiveSheet(dev.ratchet.objective.ObjectiveManagement objectives) {
        super("objectives.xlsx", "Information security objectives");
        this.objectives = objectives;
    }

    @Override
    public void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        TableExport.xlsx("Objectives", ObjectiveController.COLUMNS, TableExport.allPages(
                page -> objectives.search(tenant.organisationId(), null, null, null, page), Sort.by("reference")), out);
    }
}
