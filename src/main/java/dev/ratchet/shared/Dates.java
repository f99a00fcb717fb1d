package dev.ratchet.shared;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a day is written where a person reads it in a message or a page's text: "1 Dec 2026". */
public final class Dates {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Dates() {
    }
}
