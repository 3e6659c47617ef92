package org.bantin.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bantin.http.Problem.FieldError;

/** Thrown by services and filters to end a request with a problem response. */
public class ProblemException extends RuntimeException {

    public final transient Problem problem;

    /** Response headers that belong to the problem, such as WWW-Authenticate or Retry-After. */
    public final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    private static ProblemException of(int status, String type, String title, String detail) {
        return new ProblemException(new Problem("urn:bantin:problem:" + type, title, status, detail, null, null));
    }

    public static ProblemException badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    /** A 401; scheme names what to send (Bearer for editors, Voter-Token for readers). */
    public static ProblemException unauthorized(String scheme, String detail) {
        return of(401, "unauthorized", "Unauthorized", detail).withHeader("WWW-Authenticate", scheme);
    }

    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** A 410: the thing was there and has ended for good (an expired article). */
    public static ProblemException gone(String detail) {
        return of(410, "gone", "Gone", detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    /** A 409 for a workflow step that the content's current state does not allow; the problem names that state. */
    public static ProblemException invalidTransition(String state, String detail) {
        return new ProblemException(new Problem("urn:bantin:problem:invalid-transition", "Not allowed in this state", 409,
                detail, null, state));
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(412, "precondition-failed", "Precondition failed", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return of(413, "too-large", "Request body too large", detail);
    }

    public static ProblemException lengthRequired(String detail) {
        return of(411, "length-required", "Length required", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    /** An image whose header declares more pixels than may be decoded (a decompression bomb, or simply too big). */
    public static ProblemException imageTooLarge(String detail) {
        return of(422, "image-too-large", "Image too large", detail);
    }

    /** A 416 for a Range that lies wholly past the end; Content-Range says the size. */
    public static ProblemException rangeNotSatisfiable(long size) {
        return of(416, "range-not-satisfiable", "Range not satisfiable",
                "The requested range lies past the end of the " + size + " bytes.")
                .withHeader("Content-Range", "bytes */" + size);
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return of(429, "too-many-requests", "Too many requests",
                "Too many requests from this address; try again in " + retryAfterSeconds + " s.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static ProblemException databaseUnavailable(long retryAfterSeconds) {
        return of(503, "database-unavailable", "Service unavailable",
                "The database is unavailable for a moment; try again in " + retryAfterSeconds + " s.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static ProblemException databaseTooSlow(long retryAfterSeconds) {
        return of(503, "database-too-slow", "Service unavailable",
                "The database took too long to answer; try a narrower search or a nearer page, or again in "
                        + retryAfterSeconds + " s.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    private ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Input that is malformed (400) or well-formed but invalid (422), naming each field. */
    public static ProblemException invalidFields(int status, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new ProblemException(
                new Problem("urn:bantin:problem:invalid-fields", "Invalid fields", status, detail, errors, null));
    }

    public static ProblemException invalidField(int status, String field, String message) {
        return invalidFields(status, List.of(new FieldError(field, message)));
    }
}
