package dev.ratchet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container's errors look like (an unknown address, a method not allowed, a failure outside a controller): on
 * the API, problem details like every other refusal; on pages, Ratchet's own error page. Asked for directly, /error
 * is simply not found: nothing went wrong.
 */
@Controller
class Errors implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = dev.ratchet.shared.ApiProblems.problem(status, status.name(), detail(status));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        String view = switch (status.value()) {
            case 403, 404, 409 -> "error/" + status.value();
            default -> status.is5xxServerError() ? "error/500" : "error/404";
        };
        return new ModelAndView(view);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is no such address in the API: see /v3/api-docs for the operations it has.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method: see /v3/api-docs for the ones it does.";
            case UNSUPPORTED_MEDIA_TYPE -> "The body's content type is not one this operation reads.";
            case NOT_ACCEPTABLE -> "This operation cannot answer in the media type asked for.";
            case CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE -> "The request is larger than this operation accepts: make the file smaller, or split it.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Try again; if it keeps failing, tell your administrator."
                    : status.getReasonPhrase();
        };
    }
}
