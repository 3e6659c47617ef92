package org.bantin.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total number of items across all pages. */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "1-based page number.", example = "1", required = true) int page,
        @Schema(description = "Items per page.", example = "20", required = true) int limit,
        @Schema(description = "Items across all pages.", example = "42", required = true) long total) {
}
