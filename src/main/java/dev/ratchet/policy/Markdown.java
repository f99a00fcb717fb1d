package dev.ratchet.policy;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/** Policy text in Markdown (CommonMark): as HTML with any raw HTML escaped, and the headings for a contents page. */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    /** A heading of the text: its level (1 to 6) and words. */
    public record Entry(int level, String text) {
    }

    private Markdown() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }

    public static String html(String markdown) {
        return HTML.render(parse(markdown));
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
