package dev.ratchet.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf template into a PDF with openhtmltopdf. The template is written as well-formed XHTML
 * (closed tags, no named entities) with its own print stylesheet; fonts are the PDF base fonts, so text outside
 * Latin-1 and common punctuation does not print.
 */
@Component
public class PdfDocuments {

    private final ITemplateEngine templates;

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
        // openhtmltopdf tells of every stage at INFO on the console; keep its warnings only.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    public byte[] render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.UK, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template + " as PDF", e);
        }
    }
}
