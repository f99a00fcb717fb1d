package dev.ratchet.improvement.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ratchet.shared.Refused;

/** Collects what a workflow step lacks, so that one refusal names all of it. */
final class Requirements {

    private final String step;
    private final Map<String, String> missing = new LinkedHashMap<>();

    Requirements(String step) {
        this.step = step;
    }

    Requirements require(boolean present, String field, String what) {
        if (!present && !missing.containsKey(field)) {
            missing.put(field, what);
        }
        return this;
    }

    Requirements text(String value, String field, String what) {
        return require(value != null && !value.isBlank(), field, what);
    }

    void check() {
        if (!missing.isEmpty()) {
            throw Refused.missing(step, missing);
        }
    }
}
