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

    public LogoView view() {
        return new LogoView(fileName, contentType, sizeBytes, sha256, uploadedAt);
    }
}
