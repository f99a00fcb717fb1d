package dev.ratchet.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated document as a download, named for the person who saves it. */
public final class Downloads {

    public static final MediaType PDF = MediaType.APPLICATION_PDF;
    public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> pdf(String name, byte[] content) {
        return of(name + ".pdf", PDF, content);
    }

    public static ResponseEntity<byte[]> docx(String name, byte[] content) {
        return of(name + ".docx", DOCX, content);
    }

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
        return of(name + ".xlsx", XLSX, content);
    }

    public static ResponseEntity<byte[]> zip(String name, byte[] content) {
        return of(name, MediaType.parseMediaType("application/zip"), content);
    }

    private static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
