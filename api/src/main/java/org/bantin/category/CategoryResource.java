package org.bantin.category;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.category.CategoryRecords.CategoryView;
import org.bantin.http.PublicResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public list of categories, for a site's menu. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

    private final CategoryService categories;
    private final PublicResponses responses;

    CategoryResource(CategoryService categories, PublicResponses responses) {
        this.categories = categories;
        this.responses = responses;
    }

    @GET
    @Operation(operationId = "listCategories", summary = "List categories with their numbers of published articles", description = "All categories, in menu order.")
    public RestResponse<List<CategoryView>> list(@Context HttpHeaders headers) {
        return responses.ok(headers, categories.listPublic());
    }
}
