package dev.ratchet.catalogue;

/**
 * One requirement of a framework: a clause, a control, or a heading that groups them. Records refer to it by
 * {@link #reference()}, for example {@code iso27001-2022:A.8.13}.
 */
public record Requirement(String framework, String code, String title, Kind kind, String parent, String theme,
        int depth) {

    public enum Kind { CLAUSE, THEME, CONTROL }

    public String reference() {
        return framework + ":" + code;
    }
}
