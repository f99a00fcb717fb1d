package dev.ratchet.improvement.api;

import java.util.Set;

import org.springframework.data.domain.Sort;

/** The register's sort orders, shared by the pages and the API; an unknown column falls back to newest first. */
public final class RegisterSort {

    static final Set<String> COLUMNS = Set.of("raisedAt", "reference", "targetDate", "status", "title", "grade");

    private RegisterSort() {
    }

    public static Sort of(String column, String direction) {
        String by = COLUMNS.contains(column) ? column : "raisedAt";
        Sort.Direction dir = "asc".equalsIgnoreCase(direction) ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(dir, by).and(Sort.by(Sort.Direction.DESC, "reference"));
    }
}
