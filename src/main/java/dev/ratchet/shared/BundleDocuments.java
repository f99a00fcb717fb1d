package dev.ratchet.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Documents a module adds to the evidence bundle of a period (the approved risk treatment plans and Statement of
 * Applicability versions in force during it), so that the bundle gathers them without depending on each module.
 */
public interface BundleDocuments {

    /** A file of the bundle: its path inside the ZIP, a title for the progress shown, and its content when written. */
    record Document(String path, String title, Supplier<byte[]> content) {
    }

    List<Document> documents(Tenant tenant, LocalDate from, LocalDate to);
}
