package dev.ratchet.organisation;

import java.time.Instant;
import java.util.Base64;

/**
 * The organisation's logo as documents print it.
 *
 * @param content the image itself (PNG or JPEG), never in an API answer: see {@link LogoView}
 */
public record Logo(String fileName, String contentType, int sizeBytes, String sha256, byte[] content, Instant uploadedAt) {

    /** The image as a data: URI, which the PDF renderer reads without fetching anything. */
    public String dataUri() {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    /** The image as an answer: its own type, never sniffed. */
    public org.springframework.http.ResponseEntity<byte[]> response() {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(contentType))
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    public LogoView view() {
        return new LogoView(fileName, contentType, sizeBytes, sha256, uploadedAt);
    }
}
