package dev.ratchet.shared;

/** Small text helpers shared by the modules. */
public final class Texts {

    private Texts() {
    }

    /** The text cut to at most {@code max} characters, an ellipsis marking the cut. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
