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

    /** A 403 that says which roles would be allowed (from the operation's rule) and which the caller has. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException denied) {
        String message = denied.getMessage() != null && denied.getMessage().startsWith("This needs")
                ? denied.getMessage() : "Your roles in this organisation do not allow this.";
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.FORBIDDEN, "FORBIDDEN", message));
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
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = field(mismatch.getPath());
            String message = expected(mismatch.getTargetType(), mismatch instanceof tools.jackson.databind.exc.InvalidFormatException f
                    ? f.getValue() : null);
            problem.setDetail(field + ": " + message);
            problem.setProperty("errors", Map.of(field, message));
        }
        else if (cause instanceof java.time.format.DateTimeParseException parse) {
            problem.setDetail("A date or time cannot be read: " + Texts.excerpt(parse.getParsedString()));
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A query or path parameter of the wrong type: names it and what it accepts. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : String.valueOf(ex.getPropertyName());
        String message = expected(ex.getRequiredType(), ex.getValue());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_PARAMETER", field + ": " + message);
        problem.setProperty("errors", Map.of(field, message));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A parameter out of its range ({@code size} over 200, a negative {@code page}): 422 naming it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            org.springframework.web.bind.annotation.RequestParam param = result.getMethodParameter()
                    .getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                name = param.name();
            }
            String field = name;
            result.getResolvableErrors().forEach(error -> errors.putIfAbsent(field, message(error)));
        });
        ProblemDetail problem = refused(Refused.fields(errors.isEmpty() ? Map.of("request", "A parameter is out of range") : errors));
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String message(org.springframework.context.MessageSourceResolvable error) {
        Object[] arguments = error.getArguments();
        String code = error.getCodes() == null || error.getCodes().length == 0 ? "" : error.getCodes()[error.getCodes().length - 1];
        Object limit = arguments != null && arguments.length > 1 ? arguments[arguments.length - 1] : null;
        if ("Max".equals(code) && limit != null) {
            return "At most " + limit;
        }
        if ("Min".equals(code) && limit != null) {
            return "At least " + limit;
        }
        return error.getDefaultMessage();
    }

    /** "incidents[0].severity", the JSON path to the field Jackson could not read. */
    private static String field(java.util.List<tools.jackson.core.JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** What a value of this type looks like, for a person fixing a request: the accepted values of an enum. */
    static String expected(Class<?> type, Object value) {
        String given = value == null ? "" : " (not \"" + Texts.excerpt(String.valueOf(value)) + "\")";
        if (type == null) {
            return "This value cannot be read" + given;
        }
        if (type.isEnum()) {
            return "Use one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + given;
        }
        if (type == java.time.LocalDate.class) {
            return "Use a date as yyyy-mm-dd, e.g. 2026-03-31" + given;
        }
        if (type == java.time.LocalDateTime.class || type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "Use a date and time with its offset (RFC 3339), e.g. 2026-03-31T09:30:00+02:00 or 2026-03-31T07:30:00Z" + given;
        }
        if (type == java.util.UUID.class) {
            return "Use an id (a UUID such as 0b9d6a8e-1c1f-4a4e-9d1a-3f1e2c4b5a6d)" + given;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "Use a whole number" + given;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Use true or false" + given;
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "Use a JSON array" + given;
        }
        return "Use a value of type " + type.getSimpleName() + given;
    }
}
