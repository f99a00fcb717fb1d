package dev.ratchet.shared;

/** Small text helpers shared by the modules. */
public final class Texts {

    private Texts() {
    }

    /** The text cut to at most {@code max} characters, an ellipsis marking the cut. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * The first sentence of a note, cut at a word to at most {@code max} characters (an ellipsis marking the cut): what
     * a title proposed from a long note should say.
     */
    public static String firstWords(String text, int max) {
        String first = text.strip().split("(?<=[.!?;])\\s|\\R", 2)[0].strip().replaceAll("[.;:,]+$", "");
        if (first.length() <= max) {
            return first;
        }
        int cut = first.lastIndexOf(' ', max - 1);
        return first.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[\\s,;:.-]+$", "") + "…";
    }

    /** A short excerpt of what someone sent, safe to echo in an error: at most 60 characters, control characters shown. */
    public static String excerpt(String input) {
        if (input == null) {
            return "";
        }
        String cut = truncate(input, 60);
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> safe.append(Character.isISOControl(c) ? "\\u" + String.format("%04x", c) : new String(Character.toChars(c))));
        return safe.toString();
    }

    /** A configured address without its trailing slash, so that paths can be appended ("…/join/…"). */
    public static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
