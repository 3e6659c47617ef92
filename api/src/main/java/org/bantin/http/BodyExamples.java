package org.bantin.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An example for every JSON body of the contract, so that integrators (and the reference page) see a whole request
 * or response, not only its fields. Success bodies are put together from the examples of their fields, which the
 * records carry in Vietnamese; error bodies are the very problems the API sends for that status. Redocly's lint
 * checks each example against its schema (frontend/test/unit/contract.test.js).
 */
final class BodyExamples {

    /** Deep enough for every body of the contract; a schema that contains itself stops here. */
    private static final int DEPTH = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONST = "const";
    /** What a multipart example shows for the bytes of a file. */
    private static final String FILE_BYTES = "(the bytes of the file)";

    private final Map<String, Schema> schemas;

    BodyExamples(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    /**
     * Gives the body an example unless it has one or is bytes (files, images: nothing to show in text); `status`
     * and `description` are the response's, null for a request body.
     */
    void add(MediaType body, String mediaType, String status, String description) {
        if (body.getExample() != null || body.getExamples() != null || body.getSchema() == null) {
            return;
        }
        if (mediaType.equals(ProblemMappers.PROBLEM_JSON)) {
            body.setExample(problem(Integer.parseInt(status), description));
        } else if (mediaType.contains("json") || mediaType.equals("multipart/form-data")) {
            body.setExample(of(body.getSchema(), 0));
        }
    }

    /** The problem the API answers with this status, as ProblemException makes it. */
    private static Object problem(int status, String description) {
        ProblemException problem = switch (status) {
            case 400, 422 -> ProblemException.invalidField(status, "title", "must not be blank");
            case 401 -> ProblemException.unauthorized("Bearer", description);
            case 403 -> ProblemException.forbidden(description);
            case 404 -> ProblemException.notFound(description);
            case 409 -> ProblemException.conflict(description);
            case 410 -> ProblemException.gone(description);
            case 411 -> ProblemException.lengthRequired(description);
            case 412 -> ProblemException.preconditionFailed(description);
            case 413 -> ProblemException.tooLarge(description);
            case 415 -> ProblemException.unsupportedMediaType(description);
            case 416 -> ProblemException.rangeNotSatisfiable(1_048_576);
            case 429 -> ProblemException.tooManyRequests(30);
            case 503 -> ProblemException.databaseUnavailable(5);
            default -> throw new IllegalStateException("No example problem for status " + status);
        };
        return JSON.convertValue(problem.problem, Map.class);
    }

    /** An example of a value of this schema: its own, else one made of its parts' examples. */
    private Object of(Schema schema, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            return of(schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)), depth + 1);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.get(CONST) != null) { // an enumeration of one value
            return schema.get(CONST);
        }
        if (schema.getAllOf() != null) {
            return of(schema.getAllOf().get(0), depth + 1);
        }
        if (schema.getAnyOf() != null || schema.getOneOf() != null) {
            return of((schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf()).get(0), depth + 1);
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((name, field) -> {
                Object value = of(field, depth + 1);
                if (value != null) {
                    object.put(name, value);
                }
            });
            return object;
        }
        List<Schema.SchemaType> types = schema.getType();
        Schema.SchemaType type = types == null || types.isEmpty() ? null : types.get(0);
        if (type == Schema.SchemaType.ARRAY) {
            Object item = of(schema.getItems(), depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        return type == null ? null : plain(type, schema);
    }

    /** A value of a simple type whose schema gives no example: one its bounds and format allow. */
    private static Object plain(Schema.SchemaType type, Schema schema) {
        return switch (type) {
            case INTEGER -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
            case NUMBER -> schema.getMinimum() != null ? schema.getMinimum().doubleValue() : 1.0;
            case BOOLEAN -> true;
            case STRING -> switch (String.valueOf(schema.getFormat())) {
                case "date-time" -> "2024-12-05T04:00:00Z";
                case "date" -> "2024-12-05";
                case "binary" -> FILE_BYTES;
                default -> null; // free text without an example is left out
            };
            default -> null;
        };
    }
}
