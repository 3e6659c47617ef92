package org.bantin.document;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.document.DocumentRecords.AdminDocumentType;
import org.bantin.document.DocumentRecords.DocumentTypeChange;
import org.bantin.document.DocumentRecords.DocumentTypeInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The list of document types, as editors keep it. */
@Path("/api/v1/admin/document-types")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: documents")
public class AdminDocumentTypeResource {

    private static final String NAME = "The type's name, URL-encoded.";

    private final DocumentTypes types;

    AdminDocumentTypeResource(DocumentTypes types) {
        this.types = types;
    }

    @GET
    @RequiresRole(Role.AUTHOR)
    @Operation(operationId = "adminListDocumentTypes", summary = "List the document types", description = "In the site's order, with whether each needs a second approval "
            + "and how many documents are of it.")
    public List<AdminDocumentType> list() {
        return types.adminList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDocumentType", summary = "Add a document type", description = "Editors may then give documents this type; readers may filter by it.")
    @APIResponse(responseCode = "201", description = "Added.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminDocumentType.class)))
    @APIResponse(responseCode = "409", description = "A type of this name exists.")
    public RestResponse<AdminDocumentType> create(@Valid @NotNull DocumentTypeInput input) {
        AdminDocumentType created = types.create(input);
        return ResponseBuilder.<AdminDocumentType>created(URI.create("/api/v1/admin/document-types/" + encoded(created.name())))
                .entity(created).build();
    }

    @PATCH
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeDocumentType", summary = "Rename, move or mark a document type", description = "Only the fields given change. "
            + "A new name is at once the type of every document of it (readers' responses show it); revisions and pending versions keep the old name, "
            + "which restoring or publishing them then refuses (422) until it is changed.")
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminDocumentType.class)))
    @APIResponse(responseCode = "404", description = "No type of this name.")
    @APIResponse(responseCode = "409", description = "Another type has the new name.")
    public AdminDocumentType change(@Parameter(description = NAME, example = "Quyết định") @PathParam("name") String name,
            @Valid @NotNull DocumentTypeChange change) {
        return types.change(name, change);
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "deleteDocumentType", summary = "Delete a document type", description = "Only a type no document has (drafts included).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No type of this name.")
    @APIResponse(responseCode = "409", description = "Documents are of this type; the problem says how many.")
    public void delete(@Parameter(description = NAME, example = "Thông báo") @PathParam("name") String name) {
        types.delete(name);
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
