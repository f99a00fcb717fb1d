package dev.ratchet.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document written top to bottom: title, headings (real Heading 1 and 2 styles, so Word's navigation pane
 * and a table of contents find them), paragraphs, label-value lines and tables.
 */
public class DocxDocument {

    private final XWPFDocument document = new XWPFDocument();

    public DocxDocument() {
        XWPFStyles styles = document.createStyles();
        styles.addStyle(headingStyle("Heading1", "heading 1", 0, 32));
        styles.addStyle(headingStyle("Heading2", "heading 2", 1, 26));
    }

    private static XWPFStyle headingStyle(String id, String name, int level, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        style.setUiPriority(priority);
        style.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(style);
    }

    /** The organisation's logo at the top of the first page, where it has one. */
    public DocxDocument logo(java.util.Optional<dev.ratchet.organisation.Logo> logo) {
        logo.ifPresent(l -> {
            try {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(l.content()));
                // At most 5 cm wide and 1.8 cm tall, in proportion.
                double scale = image == null ? 1 : Math.min(1.0, Math.min(5.0 / 2.54 * 96 / image.getWidth(), 1.8 / 2.54 * 96 / image.getHeight()));
                int width = image == null ? 160 : (int) Math.round(image.getWidth() * scale);
                int height = image == null ? 60 : (int) Math.round(image.getHeight() * scale);
                XWPFRun run = document.createParagraph().createRun();
                run.addPicture(new java.io.ByteArrayInputStream(l.content()),
                        "image/png".equals(l.contentType()) ? org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG
                                : org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG,
                        l.fileName(), org.apache.poi.util.Units.pixelToEMU(width), org.apache.poi.util.Units.pixelToEMU(height));
            }
            catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new UncheckedIOException(new IOException("Could not put the logo into the Word document", e));
            }
        });
        return this;
    }

    public DocxDocument title(String title, String subtitle) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(2400);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(24);
        run.setText(title);
        if (subtitle != null) {
            XWPFParagraph s = document.createParagraph();
            s.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = s.createRun();
            r.setFontSize(14);
            text(r, subtitle);
        }
        return this;
    }

    public DocxDocument pageBreak() {
        document.createParagraph().createRun().addBreak(BreakType.PAGE);
        return this;
    }

    public DocxDocument heading(int level, String text) {
        XWPFParagraph p = document.createParagraph();
        p.setStyle(level <= 1 ? "Heading1" : "Heading2");
        p.createRun().setText(text);
        return this;
    }

    public DocxDocument paragraph(String text) {
        if (text != null && !text.isBlank()) {
            text(document.createParagraph().createRun(), text);
        }
        return this;
    }

    /** "Label: value" with the label in bold; nothing when the value is empty. */
    public DocxDocument labelled(String label, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        XWPFParagraph p = document.createParagraph();
        XWPFRun l = p.createRun();
        l.setBold(true);
        l.setText(label + ": ");
        text(p.createRun(), value);
        return this;
    }

    public DocxDocument table(List<String> headers, List<List<String>> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, headers.size());
        table.setWidth("100%");
        fill(table.getRow(0), headers, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        document.createParagraph();
        return this;
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            XWPFRun run = p.createRun();
            run.setBold(header);
            run.setFontSize(9);
            text(run, cells.get(c) == null ? "" : cells.get(c));
        }
        if (header) {
            row.setRepeatHeader(true);
        }
    }

    /** Keeps line breaks of multi-line text. */
    private static void text(XWPFRun run, String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /**
     * The running head and foot of every page, as Word shows them: the organisation and the document's reference at
     * the top; "Page n of m" (Word's PAGE and NUMPAGES fields, which Word and LibreOffice fill in) and the version or
     * status at the bottom, so a printed page still says what it belongs to and whether it is the approved one.
     */
    public DocxDocument running(String head, String status) {
        XWPFHeaderFooterPolicy policy = document.createHeaderFooterPolicy();
        XWPFHeader header = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph top = header.createParagraph();
        top.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun headText = top.createRun();
        headText.setFontSize(8);
        headText.setColor("555555");
        headText.setText(head);
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph bottom = footer.createParagraph();
        bottom.setAlignment(ParagraphAlignment.RIGHT);
        small(bottom, (status == null || status.isBlank() ? "" : status + " · ") + "Page ");
        field(bottom, "PAGE", "1");
        small(bottom, " of ");
        field(bottom, "NUMPAGES", "1");
        return this;
    }

    private static void small(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setFontSize(8);
        run.setColor("555555");
        run.setText(text);
    }

    /** A Word field (begin, instruction, separator, the value shown until it is updated, end). */
    private static void field(XWPFParagraph paragraph, String instruction, String shown) {
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun code = paragraph.createRun();
        code.setFontSize(8);
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText text = code.getCTR().addNewInstrText();
        text.setStringValue(" " + instruction + " \\* MERGEFORMAT ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        small(paragraph, shown);
        paragraph.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); document) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX document", e);
        }
    }
}
