package dev.ratchet.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal of the JSON API as RFC 9457 problem details, with the fields to blame under {@code errors}. */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    /**
     * Problem details written straight to the response, for refusals made by filters before any controller runs
     * (no token, a disabled account, an organisation not found). {@code detail} is our own fixed text.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    /** Problem details of Ratchet's own kind: {@code type} is https://ratchet.dev/problems/ and the kind in lower case. */
    public static ProblemDetail problem(HttpStatusCode status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ratchet.dev/problems/" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return problem;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> answer(Refused refused) {
        ProblemDetail problem = refused(refused);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (refused.kind() == Refused.Kind.TOO_MANY) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        }
        return response.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    ProblemDetail refused(Refused refused) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = problem(status, refused.kind().name(), refused.getMessage());
        if (!refused.fieldErrors().isEmpty()) {
            problem.setProperty("errors", refused.fieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit() {
        return refused(Refused.staleEdit());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail problem = refused(Refused.fields(errors));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "The request body is not valid JSON of the expected shape.");
        return ResponseEntity.badRequest().body(problem);
    }
}
