package dev.ratchet.shared;

import java.time.LocalDate;
import java.util.List;

/** A module's answer to "what waits for this person here?", for the start page's "Waiting for you". */
public interface WaitingSource {

    /** What waits for the person asking, in their organisation and by their roles there, soonest due first. */
    List<Waiting> waitingFor(Tenant tenant, LocalDate today);

    /** Everything waiting for the person from every module: the steps without a date first, then by due date. */
    static List<Waiting> all(List<WaitingSource> sources, Tenant tenant, LocalDate today) {
        return sources.stream().flatMap(source -> source.waitingFor(tenant, today).stream())
                .sorted(java.util.Comparator.comparing(Waiting::due, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
    }
}
