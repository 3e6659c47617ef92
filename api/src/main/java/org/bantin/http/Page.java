package org.bantin.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the number of items across all pages: exact, or a bound where counting would cost too much. */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "1-based page number.", example = "1", required = true) int page,
        @Schema(description = "Items per page.", example = "20", required = true) int limit,
        @Schema(description = "Items across all pages when `totalExact` is true. When false, more items match than are served: "
                + "`total` is how many can be paged through (the list's depth limit), and a narrower filter finds the rest.", example = "42", required = true) long total,
        @Schema(description = "Whether `total` counts every matching item. Admin lists and survey lists are always exact; public article lists "
                + "count up to their depth limit.", example = "true", required = true) boolean totalExact) {
}
