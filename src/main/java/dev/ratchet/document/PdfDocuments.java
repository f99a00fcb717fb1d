package dev.ratchet.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf template into a PDF with openhtmltopdf. The template is written as well-formed XHTML
 * (closed tags, no named entities) with its own print stylesheet; fonts are the PDF base fonts, so text outside
 * Latin-1 and common punctuation does not print.
 * <p>
 * Rendering never reaches the network or the file system: every document is self-contained (inline styles, charts
 * drawn in HTML), so any external resource a text might name (an image, a stylesheet, a font) is refused before its
 * address is even resolved, and the stream factories for every protocol answer nothing as a second guard. Only
 * {@code data:} URIs, which carry their content inline, are let through.
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

    /** A stream factory that fetches nothing. */
    private static final FSStreamFactory NOTHING = url -> new FSStream() {
        @Override
        public java.io.InputStream getStream() {
            return null;
        }

        @Override
        public java.io.Reader getReader() {
            return null;
        }
    };

    private static boolean inline(String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:");
    }

    /** The document with the organisation's logo on its first page, where it has one (the template shows {@code logo}). */
    public byte[] render(String template, Map<String, Object> model, java.util.Optional<dev.ratchet.organisation.Logo> logo) {
        Map<String, Object> withLogo = new java.util.HashMap<>(model);
        withLogo.put("logo", logo.map(dev.ratchet.organisation.Logo::dataUri).orElse(null));
        return render(template, withLogo);
    }

    public byte[] render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.UK, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useExternalResourceAccessControl(PdfDocuments::inline, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(PdfDocuments::inline, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            builder.useHttpStreamImplementation(NOTHING);
            builder.useProtocolsStreamImplementation(NOTHING, "http", "https", "ftp", "file", "jar", "classpath");
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template + " as PDF", e);
        }
    }
}
