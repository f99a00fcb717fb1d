package dev.ratchet.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A module's answer to "what is this person still responsible for here?", for someone whose access has ended. */
public interface OpenWork {

    /** One open item the person owns: what it is, its reference and title, where to give it to someone else. */
    record Item(String kind, String reference, String title, String link, LocalDate due) {
    }

    List<Item> openWorkOf(UUID organisationId, UUID userId);

    /** Everything the person still owns, from every module, soonest due first. */
    static List<Item> all(List<OpenWork> sources, UUID organisationId, UUID userId) {
        return sources.stream().flatMap(s -> s.openWorkOf(organisationId, userId).stream())
                .sorted(java.util.Comparator.comparing(Item::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }
}
