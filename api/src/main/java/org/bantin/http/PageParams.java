package org.bantin.http;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The `page` and `limit` query parameters of every list, as sent; {@link #request()} checks them. */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "1-based page number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000", defaultValue = "1"))
    String page;

    @QueryParam("limit")
    @Parameter(description = "Items per page.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String limit;

    public PageRequest request() {
        return PageRequest.of(page, limit);
    }
}
