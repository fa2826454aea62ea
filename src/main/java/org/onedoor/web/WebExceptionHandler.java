package org.onedoor.web;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps the shared exceptions to RFC 9457 problem details under {@code /api/} and to the error page elsewhere:
 * not found to 404, invalid input to 400 with one entry per field, conflicts to 409.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

    /** SQLSTATE 22021 (character_not_in_repertoire), which PostgreSQL raises for a NUL character in text. */
    private static final String NUL_REJECTED = "22021";

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException exception, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, exception.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException exception, HttpServletRequest request) {
        List<Map<String, String>> errors = exception.problems().stream()
                .map(problem -> Map.of("field", problem.field(), "message", problem.message()))
                .toList();
        return respond(request, HttpStatus.BAD_REQUEST, exception.getMessage(), errors);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException exception, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, exception.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        String message = "Value '" + exception.getValue() + "' of '" + exception.getName() + "' is invalid. "
                + (exception.getRequiredType() == null ? "" : "Expected " + describe(exception.getRequiredType()) + ".");
        return respond(request, HttpStatus.BAD_REQUEST, message.strip(),
                List.of(Map.of("field", exception.getName(), "message", message.strip())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException exception, HttpServletRequest request) {
        String message = "Parameter '" + exception.getParameterName() + "' is missing. Add it to the request as "
                + describe(exception.getParameterType()) + ".";
        return respond(request, HttpStatus.BAD_REQUEST, message,
                List.of(Map.of("field", exception.getParameterName(), "message", message)));
    }

    /** Returns a 400 naming the JSON property that could not be read, or stating that the body is not JSON. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        String field = exception.getCause() instanceof JacksonException jackson
                ? jackson.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."))
                : "";
        if (field.isEmpty()) {
            return respond(request, HttpStatus.BAD_REQUEST, "The request body is not valid JSON. Send one JSON object "
                    + "with the fields that /v3/api-docs lists for " + request.getRequestURI() + ".", List.of());
        }
        String message = exception.getCause() instanceof UnrecognizedPropertyException unknown
                ? "Field '" + field + "' is unknown. Use only these fields: " + unknown.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + "."
                : "Field '" + field + "' has a value of the wrong type, such as text where a whole number "
                        + "belongs. Send it with the type that /v3/api-docs gives.";
        return respond(request, HttpStatus.BAD_REQUEST, message, List.of(Map.of("field", field, "message", message)));
    }

    /**
     * Returns a 400 when PostgreSQL rejects a NUL character (0x00) in a text value, because text columns cannot store
     * it. Request parameters are checked before they reach a controller, so this handles JSON bodies.
     */
    @ExceptionHandler(DataAccessException.class)
    Object nulRejected(DataAccessException exception, HttpServletRequest request) throws DataAccessException {
        if (!(exception.getMostSpecificCause() instanceof SQLException sql) || !NUL_REJECTED.equals(sql.getSQLState())) {
            throw exception;
        }
        return respond(request, HttpStatus.BAD_REQUEST, NulCharacterCheck.MESSAGE, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException exception, HttpServletRequest request) {
        String message = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                ? "There is no API endpoint at " + request.getRequestURI() + ". The endpoints are listed at /v3/api-docs."
                : "There is no page at " + request.getRequestURI() + ". Check the address, or start from the home page.";
        return respond(request, HttpStatus.NOT_FOUND, message, List.of());
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String describe(String typeName) {
        return switch (typeName) {
            case "long", "int", "Long", "Integer" -> "a whole number";
            default -> "a " + typeName;
        };
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String detail,
                                  List<Map<String, String>> errors) {
        log.debug("Request {} {} returned {}: {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/hsds/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(status.getReasonPhrase());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            if (!errors.isEmpty()) {
                problem.setProperty("errors", errors);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", detail);
        return page;
    }
}
