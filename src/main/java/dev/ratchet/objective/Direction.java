package dev.ratchet.objective;

import java.math.BigDecimal;

/** Whether the measured value should reach the target from below or stay under it. */
public enum Direction {
    AT_LEAST("At least", "≥"),
    AT_MOST("At most", "≤");

    private final String label;
    private final String symbol;

    Direction(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() { return label; }

    public String symbol() { return symbol; }

    public boolean meets(BigDecimal value, BigDecimal target) {
        int c = value.compareTo(target);
        return this == AT_LEAST ? c >= 0 : c <= 0;
    }
}
