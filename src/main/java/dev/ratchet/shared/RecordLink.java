package dev.ratchet.shared;

import java.util.UUID;

/** A record of another module named by its reference, for a module that links to it (a risk to the incident concerning it). */
public record RecordLink(UUID id, String reference, String title) {
}
