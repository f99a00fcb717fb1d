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

    /** A refusal because the record does not exist (or is another organisation's) stays a 404, never a form error. */
    public static void rethrowNotFound(Refused refused) {
        if (refused.kind() == Refused.Kind.NOT_FOUND) {
            throw refused;
        }
    }

    /**
     * A form of a record's page, posted and redirected: on success to {@code page + successAnchor} with the message the
     * action returns; when refused, back to {@code page + formAnchor} with the form's values and errors (a refusal that
     * names no field shows as the page's error). A record that is not found stays a 404.
     */
    public static String submitted(String page, String name, Object form, BindingResult result,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String successAnchor, String formAnchor,
            java.util.function.Supplier<String> action) {
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute("success", action.get());
                return "redirect:" + page + successAnchor;
            }
            catch (Refused refused) {
                rethrowNotFound(refused);
                reject(result, refused);
            }
        }
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        redirect.addFlashAttribute(name, form);
        redirect.addFlashAttribute("error", result.hasGlobalErrors() ? result.getGlobalError().getDefaultMessage()
                : "Not saved: see the marked fields.");
        return "redirect:" + page + formAnchor;
    }

    /** A button of a record's page: back to {@code page} with the action's message, or the refusal as the page's error. */
    public static String acted(String page, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
            java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("success", action.get());
        }
        catch (Refused refused) {
            rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + page;
    }
}
