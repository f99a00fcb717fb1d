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

    /** A small PNG (240 × 80, one colour), as an organisation's logo would be. */
    public static byte[] logoPng() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(31, 58, 95));
        g.fillRect(0, 0, 240, 80);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static final java.nio.file.Path SOFFICE = java.nio.file.Path.of("/usr/bin/soffice");

    /**
     * The DOCX as LibreOffice lays it out and prints it (PDF), to read what only a word processor computes: the page
     * numbers of Word's fields, the running header and footer. Without LibreOffice the test is skipped, except in CI
     * where that fails the build (.ci/run installs libreoffice-writer-nogui).
     */
    public static byte[] viaLibreOffice(byte[] docx) throws Exception {
        if (!java.nio.file.Files.isExecutable(SOFFICE)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs LibreOffice (/usr/bin/soffice) to check the Word documents' pages");
            }
            org.junit.jupiter.api.Assumptions.abort("LibreOffice is not installed: apt-get install libreoffice-writer-nogui");
        }
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("ratchet-docx");
        java.nio.file.Path input = folder.resolve("document.docx");
        java.nio.file.Files.write(input, docx);
        // One LibreOffice profile per test JVM: made on the first conversion (slow), reused by the next ones (fast).
        java.nio.file.Path profile = java.nio.file.Path.of("target", "libreoffice-profile-" + ProcessHandle.current().pid()).toAbsolutePath();
        Process soffice = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", folder.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("soffice.log").toFile()).start();
        if (!soffice.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            soffice.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert the document within two minutes");
        }
        java.nio.file.Path pdf = folder.resolve("document.pdf");
        if (!java.nio.file.Files.exists(pdf)) {
            throw new IllegalStateException("LibreOffice could not convert the document: " + java.nio.file.Files.readString(folder.resolve("soffice.log")));
        }
        return java.nio.file.Files.readAllBytes(pdf);
    }

    public static String docxText(byte[] content) throws Exception {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(content)))) {
            return extractor.getText().replaceAll("\\s+", " ");
        }
    }
}
