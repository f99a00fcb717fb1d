package dev.ratchet.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/**
 * A page form saved as it is typed (ratchet.js posts a {@code form[data-autosave]} with the header {@value #HEADER}
 * a moment after each change): the answer is a small JSON the script reads, not a page. Saved: the record's new
 * version, for the page's other forms to carry. Refused: the message and the field messages to show beside the
 * fields, and nothing is saved. Someone else saved first: 409, the page says so and keeps what was typed.
 */
public final class Autosave {

    public static final String HEADER = "X-Autosave";

    private Autosave() {
    }

    public static ResponseEntity<Map<String, Object>> answer(BindingResult result, LongSupplier save) {
        if (result.hasErrors()) {
            Map<String, String> fields = new LinkedHashMap<>();
            result.getFieldErrors().forEach(e -> fields.putIfAbsent(e.getField(), e.getDefaultMessage()));
            String message = result.hasGlobalErrors() ? result.getGlobalError().getDefaultMessage()
                    : fields.values().iterator().next();
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, message, fields);
        }
        try {
            return ResponseEntity.ok(Map.of("version", save.getAsLong()));
        }
        catch (Refused refused) {
            if (refused.kind() == Refused.Kind.NOT_FOUND) {
                throw refused;
            }
            HttpStatus status = refused.kind() == Refused.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
            return refused(status, refused.getMessage(), refused.fieldErrors());
        }
        catch (ObjectOptimisticLockingFailureException stale) {
            return refused(HttpStatus.CONFLICT, Refused.staleEdit().getMessage(), Map.of());
        }
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("errors", fields == null ? Map.of() : fields);
        return ResponseEntity.status(status).body(body);
    }
}
