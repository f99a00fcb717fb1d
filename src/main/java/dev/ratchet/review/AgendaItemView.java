package dev.ratchet.review;

import java.util.UUID;

/** An agenda item with the minutes' mark: code a to g for the inputs of clause 9.3.2, none for added items. */
public record AgendaItemView(UUID id, String code, String title, Boolean discussed, String notes) {

    /** "(a) Status of actions from previous reviews", or the added item's title. */
    public String heading() {
        return code == null ? title : "(" + code + ") " + title;
    }

    public String minute() {
        if (discussed == null) {
            return "Not marked yet.";
        }
        String mark = discussed ? "Discussed" : "Not discussed";
        if (notes == null || notes.isBlank()) {
            return mark + ".";
        }
        // Notes that begin by saying it themselves ("Discussed; the board asked …") are not told twice.
        return notes.strip().toLowerCase(java.util.Locale.ROOT).startsWith(mark.toLowerCase(java.util.Locale.ROOT)) ? notes.strip()
                : mark + ". " + notes.strip();
    }
}
