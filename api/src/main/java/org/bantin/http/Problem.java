package org.bantin.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details body, the only shape of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI naming the kind of problem.", example = "urn:bantin:problem:invalid-fields", required = true) String type,
        @Schema(description = "Short summary of the kind of problem.", example = "Invalid fields", required = true) String title,
        @Schema(description = "HTTP status code.", example = "422", required = true) int status,
        @Schema(description = "What went wrong in this request.", example = "2 fields are invalid.") String detail,
        @Schema(description = "For invalid input: each field and what is wrong with it.") List<FieldError> errors,
        @Schema(description = "For a workflow step the content's state does not allow: that state.", example = "in_review") String state) {

    /** One invalid field of a request: its JSON path (or parameter name) and what is wrong. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "title", required = true) String field,
            @Schema(example = "must not be blank", required = true) String message) {
    }
}
