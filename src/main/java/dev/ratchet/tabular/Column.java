package dev.ratchet.tabular;

import java.util.function.Function;

/** One column of an exported table: its header and how a row gives its value (null for an empty cell). */
public record Column<T>(String header, Function<T, Object> value) {
}
