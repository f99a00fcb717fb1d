package dev.ratchet.document;

import java.util.Locale;

import org.springframework.http.ResponseEntity;

/** The three formats an auditor receives a document in, each rendered from the same {@link Outline}. */
public enum DocumentFormat {
    PDF, DOCX, XLSX;

    /** The format a download's path ends with (…/document.pdf). */
    public static DocumentFormat of(String path) {
        return valueOf(path.substring(path.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
    }

    public byte[] render(Outline doc, PdfDocuments pdf) {
        return switch (this) {
            case PDF -> doc.pdf(pdf);
            case DOCX -> doc.docx();
            case XLSX -> doc.xlsx();
        };
    }

    /** The document as a download named {@code name} with this format's extension. */
    public ResponseEntity<byte[]> download(String name, byte[] content) {
        return switch (this) {
            case PDF -> Downloads.pdf(name, content);
            case DOCX -> Downloads.docx(name, content);
            case XLSX -> Downloads.xlsx(name, content);
        };
    }
}
