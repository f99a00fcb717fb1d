package dev.ratchet.shared;

import java.util.UUID;

/** Implemented by the authenticated principal, so that history can name who made a change. */
public interface Actor {

    UUID userId();

    String displayName();
}
