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

    private java.util.Optional<dev.ratchet.organisation.Logo> logo = java.util.Optional.empty();

    /** The organisation's logo for the first page, where it has one. */
    public Outline logo(java.util.Optional<dev.ratchet.organisation.Logo> logo) {
        this.logo = logo;
        return this;
    }

    public byte[] pdf(PdfDocuments pdf) {
        return pdf.render("document/outline-pdf", Map.of("doc", this), logo);
    }

    /**
     * The document as a workbook: its label-value lines on a first sheet, then each table on a sheet of its own named
     * by the heading above it, with a header row, so that the figures can be sorted and filtered.
     */
    public byte[] xlsx() {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            org.apache.poi.ss.usermodel.Sheet summary = book.createSheet("Summary");
            int row = 0;
            summary.createRow(row++).createCell(0).setCellValue(title);
            if (subtitle != null) {
                summary.createRow(row++).createCell(0).setCellValue(subtitle);
            }
            String heading = "Table";
            java.util.Set<String> names = new java.util.HashSet<>(List.of("summary"));
            for (Block b : blocks) {
                switch (b.kind()) {
                    case "heading" -> {
                        heading = b.text();
                        org.apache.poi.ss.usermodel.Cell cell = summary.createRow(++row).createCell(0);
                        cell.setCellValue(b.text());
                        cell.setCellStyle(bold);
                        row++;
                    }
                    case "paragraph" -> summary.createRow(row++).createCell(0).setCellValue(cellText(b.text()));
                    case "labelled" -> {
                        org.apache.poi.ss.usermodel.Row r = summary.createRow(row++);
                        r.createCell(0).setCellValue(b.label());
                        r.createCell(1).setCellValue(cellText(b.text()));
                    }
                    case "table" -> {
                        String name = sheetName(heading, names);
                        org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(name);
                        org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
                        for (int c = 0; c < b.headers().size(); c++) {
                            head.createCell(c).setCellValue(b.headers().get(c));
                            head.getCell(c).setCellStyle(bold);
                        }
                        for (int i = 0; i < b.rows().size(); i++) {
                            org.apache.poi.ss.usermodel.Row r = sheet.createRow(i + 1);
                            for (int c = 0; c < b.rows().get(i).size(); c++) {
                                r.createCell(c).setCellValue(cellText(b.rows().get(i).get(c)));
                            }
                        }
                        sheet.createFreezePane(0, 1);
                        summary.createRow(row++).createCell(0).setCellValue("See the sheet \"" + name + "\".");
                    }
                    default -> throw new IllegalStateException(b.kind());
                }
            }
            summary.setColumnWidth(0, 40 * 256);
            summary.setColumnWidth(1, 100 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not write the workbook", e);
        }
    }

    /** A spreadsheet program runs text that starts like a formula: keep it text. */
    private static String cellText(String value) {
        String text = value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text != null && text.length() > 32_000 ? text.substring(0, 32_000) : text;
    }

    private static String sheetName(String heading, java.util.Set<String> taken) {
        String base = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(heading);
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = base + " " + n;
        }
        return name;
    }

    public byte[] docx() {
        DocxDocument doc = new DocxDocument().logo(logo).title(title, subtitle);
        if (header != null) {
            doc.running(header, null);
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
