package dev.ratchet.shared;

import org.springframework.validation.BindingResult;

/** Puts a refusal beside the fields of a page's form, or at its top when no field is to blame. */
public final class Forms {

    private Forms() {
    }

    public static void reject(BindingResult result, Refused refused) {
        if (refused.fieldErrors().isEmpty()) {
            result.reject(refused.kind().name().toLowerCase(), refused.getMessage());
            return;
        }
        refused.fieldErrors().forEach((field, message) -> {
            try {
                result.rejectValue(field, "refused", message);
            }
            catch (RuntimeException notAFieldOfTheForm) {
                result.reject("refused", message);
            }
        });
    }
}
