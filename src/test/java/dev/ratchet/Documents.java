package dev.ratchet;

import java.io.ByteArrayInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The text of generated documents, whitespace collapsed, for tests that read what a document says. */
public final class Documents {

    private Documents() {
    }

    public static String pdfText(byte[] content) throws Exception {
        try (PDDocument document = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Keeps the first pages of a PDF as PNG images beside the browser screenshots, to look at what it prints. */
    public static void keepPages(byte[] content, String name, int pages) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        try (PDDocument document = Loader.loadPDF(content)) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int page = 0; page < Math.min(pages, document.getNumberOfPages()); page++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 60), "png", folder.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
    }

    /**
     * Keeps a generated document in target/documents, where checks/docx-opens-in-libreoffice.sh converts every DOCX
     * with LibreOffice to show that Word documents open outside Word too.
     */
    public static byte[] keep(byte[] content, String fileName) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(folder.resolve(fileName), content);
        return content;
    }

    public static String docxText(byte[] content) throws Exception {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(content)))) {
            return extractor.getText().replaceAll("\\s+", " ");
        }
    }
}
