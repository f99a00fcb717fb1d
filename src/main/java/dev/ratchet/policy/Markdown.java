package dev.ratchet.policy;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/** Policy text in Markdown (CommonMark): as HTML with any raw HTML escaped, and the headings for a contents page. */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    /** Raw HTML escaped; URLs sanitised, and see {@link #html} for links and images. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** A heading of the text: its level (1 to 6) and words. */
    public record Entry(int level, String text) {
    }

    private Markdown() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    /**
     * The text as HTML. Links stay links only to web and mail addresses (a {@code data:} or {@code javascript:} link
     * keeps its words, not the link); images are never loaded from anywhere: each prints as its description, so no page
     * and no document fetches a URL a text names.
     */
    public static String html(String markdown) {
        Node document = parse(markdown);
        List<Node> images = new ArrayList<>();
        List<Link> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }

            @Override
            public void visit(Link link) {
                String to = link.getDestination() == null ? "" : link.getDestination().strip().toLowerCase(java.util.Locale.ROOT);
                if (!(to.startsWith("http://") || to.startsWith("https://") || to.startsWith("mailto:"))) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }
        });
        for (Node image : images) {
            StringBuilder alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                alt.append(TEXT.render(child));
            }
            String description = alt.toString().strip();
            image.insertBefore(new Text("[Image" + (description.isEmpty() ? "" : ": " + description) + "]"));
            image.unlink();
        }
        for (Link link : unsafe) {
            for (Node child = link.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
        return HTML.render(document);
    }

    public static String text(Node node) {
        return TEXT.render(node).strip();
    }

    public static List<Entry> contents(String markdown) {
        List<Entry> entries = new ArrayList<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                entries.add(new Entry(heading.getLevel(), text(heading)));
            }
        });
        return entries;
    }
}
