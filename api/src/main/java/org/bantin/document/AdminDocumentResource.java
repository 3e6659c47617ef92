package org.bantin.document;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.document.DocumentRecords.DocumentInput;
import org.bantin.document.DocumentRecords.DocumentPatch;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.IfMatch;
import org.bantin.http.MergePatch;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Editor endpoints for legal documents: writing them and publishing them. */
@Path("/api/v1/admin/documents")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AUTHOR)
@Tag(name = "Admin: documents")
public class AdminDocumentResource {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The version (ETag) the change is based on; another version makes it a 412.";

    private final DocumentService documents;
    private final CurrentCaller caller;
    private final MergePatch mergePatch;

    AdminDocumentResource(DocumentService documents, CurrentCaller caller, MergePatch mergePatch) {
        this.documents = documents;
        this.caller = caller;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDocument", summary = "Create a draft document", description = "The slug is made from the number and the first words of the summary "
            + "(a taken one gets a numeric suffix) and stays as it is.")
    @APIResponse(responseCode = "201", description = "Created, as a draft.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "Invalid: an unknown type, expiresAt not after effectiveAt, an unknown or own id in a relation, an attachment that is not a document of the media library.")
    public RestResponse<DocumentView> create(@Valid @NotNull DocumentInput input) {
        DocumentView created = documents.create(input, caller.get());
        return withVersion(ResponseBuilder.created(URI.create("/api/v1/admin/documents/" + created.id())), created);
    }

    @GET
    @Operation(operationId = "adminListDocuments", summary = "List documents in any state", description = "Most recently changed first. Authors see their own documents and the published ones.")
    public Page<DocumentView> list(@BeanParam PageParams paging) {
        return documents.list(paging.request(), caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetDocument", summary = "Get a document in any state", description = "The ETag is the document's version, for If-Match. To an author, someone else's draft is a 404.")
    public RestResponse<DocumentView> get(@PathParam("id") long id) {
        return withVersion(ResponseBuilder.ok(), documents.get(id, caller.get()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDocument", summary = "Replace a document", description = "Changes a published document at once (readers see it). "
            + "Authors may change only their own drafts (403 otherwise).")
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "Invalid, as for create; nothing is changed.")
    public RestResponse<DocumentView> replace(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DocumentInput input) {
        return withVersion(ResponseBuilder.ok(), documents.update(id, input, IfMatch.version(ifMatch), caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchDocument", summary = "Change some fields of a document (JSON merge patch, RFC 7396)", description = "Fields left out stay as they are; `null` clears an optional field. Saved as PUT saves.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = DocumentPatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public RestResponse<DocumentView> patch(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        return withVersion(ResponseBuilder.ok(), documents.patch(id,
                current -> mergePatch.apply(current, patch, DocumentInput.class), IfMatch.version(ifMatch), caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteDocument", summary = "Delete a document", description = "Its relations go with it. Authors may delete only their own drafts.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        documents.delete(id, IfMatch.version(ifMatch), caller.get());
    }

    @POST
    @Path("/{id}/publish")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "publishDocument", summary = "Publish a document", description = "Readers see it from now on; a published document stays as it is.")
    @APIResponse(responseCode = "200", description = "Published.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public RestResponse<DocumentView> publish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.publish(id, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/unpublish")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "unpublishDocument", summary = "Take a document back to draft", description = "Readers no longer see it; a draft stays as it is.")
    @APIResponse(responseCode = "200", description = "A draft again.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public RestResponse<DocumentView> unpublish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.unpublish(id, IfMatch.version(ifMatch), caller.get()));
    }

    private static RestResponse<DocumentView> withVersion(ResponseBuilder<DocumentView> response, DocumentView document) {
        return response.entity(document).header(HttpHeaders.ETAG, IfMatch.etag(document.version())).build();
    }
}
