package dev.ratchet.catalogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** What every catalogue and mapping file says of itself: its source, version, licence and the day it was written. */
final class Provenance {

    private Provenance() {
    }

    static List<String> check(String source, String version, String licence, String written) {
        List<String> problems = new ArrayList<>();
        if (source == null || source.isBlank()) {
            problems.add("\"source\" is missing: name where the requirements come from (the publication, or \"written by us\")");
        }
        if (version == null || version.isBlank()) {
            problems.add("\"version\" is missing");
        }
        if (licence == null || licence.isBlank()) {
            problems.add("\"licence\" is missing: say under which licence the text is used");
        }
        try {
            LocalDate.parse(String.valueOf(written));
        }
        catch (DateTimeParseException e) {
            problems.add("\"written\" must be the day the file was written, as YYYY-MM-DD");
        }
        return problems;
    }
}
