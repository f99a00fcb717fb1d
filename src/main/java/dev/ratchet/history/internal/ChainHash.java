package dev.ratchet.history.internal;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.Sha256;

/** The hash of an entry: SHA-256 over the previous entry's hash and every stored field of this one. */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String previousHash, UUID organisationId, long sequence, String recordType, String recordId,
            String parentId, String action, UUID actorId, String actorName, Instant occurredAt, String changes) {
        String content = String.join("\u001f", previousHash, organisationId.toString(), Long.toString(sequence),
                recordType, recordId, action, String.valueOf(actorId), actorName, occurredAt.toString(), changes);
        if (parentId != null) {
            // Appended only when present, so entries written before records had parents keep their hashes.
            content = content + "\u001f" + parentId;
        }
        return Sha256.hex(content);
    }
}
