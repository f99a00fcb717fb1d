package dev.ratchet.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document as an ordered list of blocks (title, headings, paragraphs, label-value lines, tables), written once by
 * the module that owns its content and rendered the same way as PDF and as DOCX, so that both formats always say
 * the same thing. For documents whose layout is plain text and tables; richer ones keep their own template.
 */
public final class Outline {

    /** One block of the document; the PDF template and {@link #docx()} read them in order. */
    public record Block(String kind, int level, String label, String text, List<String> headers, List<List<String>> rows) {

        public boolean is(String k) {
            return kind.equals(k);
        }
    }

    private final String title;
    private final String subtitle;
    private final String header;
    private final List<Block> blocks = new ArrayList<>();

    /**
     * @param header the line on every page (organisation and document reference)
     */
    public Outline(String title, String subtitle, String header) {
        this.title = title;
        this.subtitle = subtitle;
        this.header = header;
    }

    public Outline heading(int level, String text) {
        blocks.add(new Block("heading", level, null, text, List.of(), List.of()));
        return this;
    }

    public Outline paragraph(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Block("paragraph", 0, null, text, List.of(), List.of()));
        }
        return this;
    }

    /** "Label: value"; nothing when the value is empty. */
    public Outline labelled(String label, String value) {
        if (value != null && !value.isBlank()) {
            blocks.add(new Block("labelled", 0, label, value, List.of(), List.of()));
        }
        return this;
    }

    /** A table; {@code empty} is said instead when there are no rows. */
    public Outline table(List<String> headers, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return paragraph(empty);
        }
        List<List<String>> cells = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
        blocks.add(new Block("table", 0, null, null, List.copyOf(headers), cells));
        return this;
    }

    public String title() { return title; }
    public String subtitle() { return subtitle; }
    public String header() { return header; }
    public List<Block> blocks() { return List.copyOf(blocks); }

    public byte[] pdf(PdfDocuments pdf) {
        return pdf.render("document/outline-pdf", Map.of("doc", this));
    }

    public byte[] docx() {
        DocxDocument doc = new DocxDocument().title(title, subtitle);
        if (header != null) {
            doc.paragraph(header);
        }
        for (Block b : blocks) {
            switch (b.kind()) {
                case "heading" -> doc.heading(b.level(), b.text());
                case "paragraph" -> doc.paragraph(b.text());
                case "labelled" -> doc.labelled(b.label(), b.text());
                case "table" -> doc.table(b.headers(), b.rows());
                default -> throw new IllegalStateException(b.kind());
            }
        }
        return doc.toBytes();
    }
}
