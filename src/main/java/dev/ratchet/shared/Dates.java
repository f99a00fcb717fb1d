package dev.ratchet.shared;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a day is written where a person reads it in a message or a page's text: "1 Dec 2026". */
public final class Dates {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private static final DateTimeFormatter AT_UTC = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(java.time.ZoneOffset.UTC);

    /** A moment in a message about an account (no organisation, so no time zone of its own): "1 Dec 2026 at 14:05 UTC". */
    public static String atUtc(java.time.Instant moment) {
        return AT_UTC.format(moment);
    }

    private Dates() {
    }
}
