package dev.ratchet.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * A register as a spreadsheet for an evidence bundle, written by the module that owns the register (the same columns
 * as its page's export), so that the bundle gathers every register without depending on each module.
 */
public interface RegisterSheet {

    /** The file name in the bundle, such as "incidents.xlsx". */
    String fileName();

    /** What the register is, for the bundle's progress. */
    String title();

    /** Writes the register as XLSX: the records of the period where the register is dated, else all of them. */
    void write(Tenant tenant, LocalDate from, LocalDate to, OutputStream out) throws IOException;

    /** A sheet with its file name and title, for the modules to extend with how they write it. */
    abstract class Named implements RegisterSheet {

        private final String fileName;
        private final String title;

        protected Named(String fileName, String title) {
            this.fileName = fileName;
            this.title = title;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public String title() {
            return title;
        }
    }
}
