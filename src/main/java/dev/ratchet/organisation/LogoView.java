package dev.ratchet.organisation;

import java.time.Instant;

/** What is known of the organisation's logo: the file as uploaded, its type, size and SHA-256, and when. */
public record LogoView(String fileName, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {
}
