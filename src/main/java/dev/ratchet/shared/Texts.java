package dev.ratchet.shared;

/** Small text helpers shared by the modules. */
public final class Texts {

    private Texts() {
    }

    /** The text cut to at most {@code max} characters, an ellipsis marking the cut. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
}
