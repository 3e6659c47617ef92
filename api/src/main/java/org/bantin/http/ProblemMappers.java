package org.bantin.http;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.bantin.http.Problem.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure into an RFC 9457 problem: no stack trace, class name or SQL reaches a client. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final String QUERY_CANCELED = "57014";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem.status()).type(PROBLEM_JSON).entity(e.problem);
        e.headers.forEach(response::header);
        return response.build();
    }

    /**
     * Bean Validation failures. A violation inside the request body is well-formed but invalid
     * input (422); one on a query or path parameter, or a missing body, is a malformed request (400).
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .collect(Collectors.toList());
        boolean inBody = violations.stream().allMatch(v -> fieldPath(v.getPropertyPath()) != null);
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOrParameter(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .toList();
        return problem(ProblemException.invalidFields(inBody ? 422 : 400, errors));
    }

    /** JSON that does not parse (400), or whose values have the wrong type or unknown names (400). */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return problem(ProblemException.badRequest("The request body is not valid JSON."));
        }
        String field = jsonPath(mapping.getPath());
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type";
        return problem(ProblemException.invalidField(400, field, message));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 400 -> "The request could not be read: the body is not valid JSON.";
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource can only answer with application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the request body as application/json.";
            default -> status.getReasonPhrase();
        };
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
        Response.ResponseBuilder response = Response.status(status.getStatusCode()).type(PROBLEM_JSON).entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.ALLOW)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        SQLException refusal = databaseRefusal(e);
        if (refusal != null) {
            // Expected while the database restarts or is overloaded: one line each, not a stack trace.
            LOG.warnf("Database refused the request: %s %s", refusal.getSQLState(), refusal.getMessage());
            return problem(QUERY_CANCELED.equals(refusal.getSQLState())
                    ? ProblemException.databaseTooSlow(DATABASE_RETRY_AFTER_SECONDS)
                    : ProblemException.databaseUnavailable(DATABASE_RETRY_AFTER_SECONDS));
        }
        if (hasSqlState(e, FOREIGN_KEY_VIOLATION)) {
            // What no service foresaw, e.g. deleting what other content refers to: the database kept it.
            return problem(ProblemException.conflict("Other content refers to it; nothing was changed."));
        }
        LOG.error("Unexpected failure", e);
        Problem problem = new Problem("about:blank", "Internal Server Error", 500,
                "The server could not complete the request.", null, null);
        return Response.status(500).type(PROBLEM_JSON).entity(problem).build();
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database's refusal when it is gone or refusing connections (SQLSTATE class 08, connection exception;
     * 57P01-57P03, shut down or starting) or cancelled a statement that ran past its timeout (57014); null for any
     * other failure.
     */
    private static SQLException databaseRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().matches("57P0[123]") || QUERY_CANCELED.equals(sql.getSQLState()))) {
                return sql;
            }
        }
        return null;
    }

    /**
     * The JSON path of a body field (e.g. {@code coverImage.url}), or null when the violation is
     * on a method parameter itself (a query parameter, a missing body).
     */
    private static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                appendNode(field, node);
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    private static void appendNode(StringBuilder field, Path.Node node) {
        if (node.getIndex() != null && !field.isEmpty()) {
            field.append('[').append(node.getIndex()).append(']');
        }
        if (node.getKind() == ElementKind.PROPERTY) {
            field.append(field.isEmpty() ? "" : ".").append(node.getName());
        }
    }

    private static String fieldOrParameter(Path path) {
        String field = fieldPath(path);
        if (field != null) {
            return field;
        }
        String parameter = "body";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        return parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
