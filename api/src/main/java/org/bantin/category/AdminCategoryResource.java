package org.bantin.category;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.category.CategoryRecords.AdminCategoryView;
import org.bantin.category.CategoryRecords.CategoryInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editor endpoints for categories. */
@Path("/api/v1/admin/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: categories")
public class AdminCategoryResource {

    private final CategoryService categories;

    AdminCategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @Operation(operationId = "adminListCategories", summary = "List categories with their numbers of articles in any state")
    public List<AdminCategoryView> list() {
        return categories.listAdmin();
    }

    @POST
    @Operation(operationId = "createCategory", summary = "Create a category", description = "The slug is made from the name when omitted.")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminCategoryView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken.")
    public Response create(@Valid @NotNull CategoryInput input) {
        AdminCategoryView created = categories.create(input);
        return Response.created(URI.create("/api/v1/admin/categories/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCategory", summary = "Get a category")
    public AdminCategoryView get(@PathParam("id") long id) {
        return categories.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateCategory", summary = "Replace a category's name, slug and description", description = "The slug stays as it is when omitted.")
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminCategoryView.class)))
    @APIResponse(responseCode = "409", description = "The new slug is taken.")
    public AdminCategoryView update(@PathParam("id") long id, @Valid @NotNull CategoryInput input) {
        return categories.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteCategory", summary = "Delete a category", description = "Refused with 409 while articles use it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "Articles still use the category.")
    public void delete(@PathParam("id") long id) {
        categories.delete(id);
    }
}
