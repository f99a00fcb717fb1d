package dev.ratchet.web;

import dev.ratchet.shared.Refused;
import dev.ratchet.shared.TypedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals that a page's controller did not put beside a field: a record not found (or of another organisation) is a
 * plain 404, a conflict is explained with a way back. Nothing of the cause is shown.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request, HttpServletResponse response) {
        return switch (refused.kind()) {
            case NOT_FOUND -> page("error/404", 404, null, response);
            case CONFLICT -> typed(page("error/409", 409, refused.getMessage(), response), request);
            case INVALID -> page("error/409", 422, refused.getMessage(), response);
            case TOO_MANY -> {
                response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
                yield page("error/409", 429, refused.getMessage(), response);
            }
        };
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletResponse response) {
        return page("error/409", 413, "The file is larger than uploads may be here. Make it smaller (or split it) and try again.", response);
    }

    /** Someone else saved first: the page says so and gives back what was typed, to copy into the record as it is now. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ModelAndView concurrentEdit(HttpServletRequest request, HttpServletResponse response) {
        return typed(page("error/409", 409, Refused.staleEdit().getMessage(), response), request);
    }

    private static ModelAndView typed(ModelAndView page, HttpServletRequest request) {
        page.addObject("typed", TypedText.of(request));
        String referer = request.getHeader("Referer");
        page.addObject("back", referer != null && referer.startsWith(request.getScheme() + "://" + request.getServerName()) ? referer : null);
        return page;
    }

    private static ModelAndView page(String view, int status, String message, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(view);
        page.addObject("message", message);
        return page;
    }
}
