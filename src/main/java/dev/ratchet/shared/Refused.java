package dev.ratchet.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way to say "refused": what was asked cannot be done, and why, field by field where a field is to blame.
 * A page shows the messages beside the fields; the API answers 422 (or 409 for a state conflict) with problem details.
 */
public class Refused extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, NOT_FOUND, TOO_MANY }

    private final Kind kind;
    private final Map<String, String> fieldErrors;
    private final long retryAfterSeconds;

    private Refused(Kind kind, String message, Map<String, String> fieldErrors) {
        this(kind, message, fieldErrors, 0);
    }

    private Refused(Kind kind, String message, Map<String, String> fieldErrors, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too much asked at once (429 with Retry-After on the API): try again after the given time. */
    public static Refused tooMany(String message, java.time.Duration retryAfter) {
        return new Refused(Kind.TOO_MANY, message, Map.of(), Math.max(1, retryAfter.toSeconds()));
    }

    /** For {@link Kind#TOO_MANY}: in how many seconds to ask again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Refused field(String field, String message) {
        return new Refused(Kind.INVALID, message, Map.of(field, message));
    }

    public static Refused fields(Map<String, String> errors) {
        return new Refused(Kind.INVALID, String.join("; ", errors.values()), new LinkedHashMap<>(errors));
    }

    /** A step of a workflow that lacks what it needs: 409, naming every missing piece by field. */
    public static Refused missing(String step, Map<String, String> missing) {
        return new Refused(Kind.CONFLICT, step + " needs: " + String.join("; ", missing.values()),
                new LinkedHashMap<>(missing));
    }

    public static Refused invalid(String message) {
        return new Refused(Kind.INVALID, message, Map.of());
    }

    public static Refused conflict(String message) {
        return new Refused(Kind.CONFLICT, message, Map.of());
    }

    /** Used for records of another organisation too, so that an id guessed gives nothing away. */
    public static Refused notFound(String what) {
        return new Refused(Kind.NOT_FOUND, what + " not found", Map.of());
    }

    /** The edit was based on an older version than the one stored now. */
    public static Refused staleEdit() {
        return conflict("Someone else changed this record while you were editing it. Reload the page to see their change, then make yours again.");
    }

    /** Refuses an edit that does not say which version it started from, or started from an older one. */
    public static void requireCurrentVersion(Long submitted, long stored) {
        if (submitted == null) {
            throw field("version", "Say which version of the record you edited (its version field)");
        }
        if (submitted != stored) {
            throw staleEdit();
        }
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
