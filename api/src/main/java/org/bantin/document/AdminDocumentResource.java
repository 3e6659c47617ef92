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
import org.bantin.content.ContentReview;
import org.bantin.content.ContentRevisions;
import org.bantin.content.PreviewTokens.PreviewLink;
import org.bantin.content.ReviewRecords.ChangeRequest;
import org.bantin.content.Transitions.Transition;
import org.bantin.document.DocumentRecords.DocumentInput;
import org.bantin.document.DocumentRecords.DocumentPatch;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.IfMatch;
import org.bantin.http.MergePatch;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.revision.RevisionRecords.RevisionDiff;
import org.bantin.revision.RevisionRecords.RevisionSummary;
import org.bantin.revision.RevisionRecords.RevisionView;
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

/** Editor endpoints for legal documents: writing them and the publishing workflow, as for articles. */
@Path("/api/v1/admin/documents")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AUTHOR)
@Tag(name = "Admin: documents")
public class AdminDocumentResource {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The version (ETag) the change is based on; another version makes it a 412.";

    private final DocumentService documents;
    private final DocumentPreviews previews;
    private final ContentReview review;
    private final ContentRevisions revisions;
    private final CurrentCaller caller;
    private final MergePatch mergePatch;

    AdminDocumentResource(DocumentService documents, DocumentPreviews previews, ContentReview review,
            ContentRevisions revisions, CurrentCaller caller, MergePatch mergePatch) {
        this.documents = documents;
        this.previews = previews;
        this.review = review;
        this.revisions = revisions;
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
    @Operation(operationId = "adminListDocuments", summary = "List documents in any state", description = "Most recently changed first. Authors see their own documents and the published ones "
            + "(of others' only the published version).")
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
    @Operation(operationId = "replaceDocument", summary = "Replace a document", description = "A published document keeps what readers see: "
            + "the content is saved as its pending version (`pending`), published by `.../publish`. Every save adds a revision. "
            + "Authors may change only their own documents (403 otherwise), and not while they wait for review (409 naming the state).")
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "Someone else saved the document at the same moment, or (to its author) the document waits for review.")
    @APIResponse(responseCode = "422", description = "Invalid, as for create; nothing is changed.")
    public RestResponse<DocumentView> replace(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DocumentInput input) {
        return withVersion(ResponseBuilder.ok(), documents.update(id, input, IfMatch.version(ifMatch), caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchDocument", summary = "Change some fields of a document (JSON merge patch, RFC 7396)", description = "Fields left out stay as they are; `null` clears an optional field. "
            + "The patch applies to the working copy (a published document's pending version, if any) and is saved as PUT saves.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = DocumentPatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "Someone else saved the document at the same moment, or (to its author) the document waits for review.")
    public RestResponse<DocumentView> patch(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        return withVersion(ResponseBuilder.ok(), documents.patch(id,
                current -> mergePatch.apply(current, patch, DocumentInput.class), IfMatch.version(ifMatch), caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteDocument", summary = "Delete a document", description = "Its relations, revisions, workflow steps and preview links go with it. "
            + "Authors may delete only their own documents that are not published and not waiting for review.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        documents.delete(id, IfMatch.version(ifMatch), caller.get());
    }

    @POST
    @Path("/{id}/publish")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "publishDocument", summary = "Publish a document", description = "Publishes the working copy, whatever its review state "
            + "(editors may publish directly), except for types that need a second approval: there only once approved, by another editor (else 409). "
            + "A published document's pending version replaces what readers see (`document.updated`); a published document without one stays as it is. "
            + "Documents whose status this changes (those it replaces) are told of as changed too.")
    @APIResponse(responseCode = "200", description = "Published.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The type needs a second approval first; the problem's `state` names the document's.")
    @APIResponse(responseCode = "422", description = "The pending version is no longer valid (e.g. its type or a related document was deleted since).")
    public RestResponse<DocumentView> publish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.publish(id, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/unpublish")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "unpublishDocument", summary = "Take a document back to draft", description = "Readers no longer see it; its pending version, if any, becomes the draft. A draft stays as it is.")
    @APIResponse(responseCode = "200", description = "A draft again.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public RestResponse<DocumentView> unpublish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.unpublish(id, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitDocument", summary = "Submit a document for review", description = "From draft or changes_requested to in_review "
            + "(for a published document: its pending version). Authors submit their own documents; editors may too.")
    @APIResponse(responseCode = "200", description = "In review.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The document's state allows no submission (already in review, or published without pending changes); the problem's `state` names it.")
    public RestResponse<DocumentView> submit(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.submit(id, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "requestDocumentChanges", summary = "Send a document back to its author", description = "From in_review (or approved) to changes_requested, "
            + "with the editor's comment, which the document then shows as `reviewComment`.")
    @APIResponse(responseCode = "200", description = "Sent back.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The document is not in review; the problem's `state` names its state.")
    public RestResponse<DocumentView> requestChanges(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ChangeRequest request) {
        return withVersion(ResponseBuilder.ok(),
                documents.requestChanges(id, request.comment(), IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/approve")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "approveDocument", summary = "Approve a document for a second editor to publish", description = "Only for document types "
            + "marked `secondApproval` (see /api/v1/admin/document-types): from in_review to approved; then another editor publishes it. "
            + "A change to the content after approval takes it back to in_review.")
    @APIResponse(responseCode = "200", description = "Approved.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The document is not in review, or its type needs no second approval; the problem's `state` names its state.")
    public RestResponse<DocumentView> approve(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.approve(id, IfMatch.version(ifMatch), caller.get()));
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(operationId = "listDocumentTransitions", summary = "List a document's workflow steps", description = "Newest first: each submission, request for changes, "
            + "approval, publication and unpublication, with who made it and when. Editors read them for every document, authors for their own.")
    public Page<Transition> listTransitions(@PathParam("id") long id, @BeanParam PageParams paging) {
        return review.transitions(documents, id, paging.request(), caller.get());
    }

    @POST
    @Path("/{id}/preview")
    @Operation(operationId = "createDocumentPreviewLink", summary = "Make a preview link to a document", description = "A read-only link that shows the document as it would be published "
            + "(its pending version, if any), to whoever holds it, for BANTIN_PREVIEW_TTL (1 h): GET the `url` (GET /api/v1/preview/documents/{token}). "
            + "Authors preview their own documents.")
    @APIResponse(responseCode = "201", description = "A new link.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewLink.class)))
    public RestResponse<PreviewLink> preview(@PathParam("id") long id) {
        PreviewLink link = previews.issue(id, caller.get());
        return ResponseBuilder.<PreviewLink>created(URI.create(link.url())).entity(link).build();
    }

    @DELETE
    @Path("/{id}/preview")
    @Operation(operationId = "revokeDocumentPreviewLinks", summary = "Revoke every preview link to a document", description = "They answer 404 at once.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public void revokePreviews(@PathParam("id") long id) {
        previews.revoke(id, caller.get());
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listDocumentRevisions", summary = "List a document's revisions", description = "Newest first, without their fields. "
            + "Every save (create, PUT, PATCH, restore) adds one; publishing and unpublishing change no content and add none. "
            + "Editors read them for every document, authors for their own.")
    public Page<RevisionSummary> listRevisions(@PathParam("id") long id, @BeanParam PageParams paging) {
        return revisions.list(documents, id, paging.request(), caller.get());
    }

    @GET
    @Path("/{id}/revisions/{revisionId}")
    @Operation(operationId = "getDocumentRevision", summary = "Get a revision of a document", description = "The document's fields as that save left them (as a `DocumentInput`).")
    @APIResponse(responseCode = "200", description = "The revision.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", description = "No such document for this caller, or the revision is not one of the document's.")
    public RevisionView getRevision(@PathParam("id") long id, @PathParam("revisionId") long revisionId) {
        return revisions.get(documents, id, revisionId, caller.get());
    }

    @GET
    @Path("/{id}/revisions/{a}/diff/{b}")
    @Operation(operationId = "diffDocumentRevisions", summary = "Compare two revisions of a document", description = "The fields that differ from revision `a` to revision `b`, "
            + "each with its value before and after.")
    @APIResponse(responseCode = "200", description = "The changed fields.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionDiff.class)))
    @APIResponse(responseCode = "404", description = "No such document for this caller, or a revision that is not one of the document's.")
    public RevisionDiff diffRevisions(@PathParam("id") long id,
            @Parameter(description = "Revision id, the older side.") @PathParam("a") long a,
            @Parameter(description = "Revision id, the newer side.") @PathParam("b") long b) {
        return revisions.diff(documents, id, a, b, caller.get());
    }

    @POST
    @Path("/{id}/revisions/{revisionId}/restore")
    @Operation(operationId = "restoreDocumentRevision", summary = "Restore a revision of a document", description = "Saves the revision's content as the document's, "
            + "as a PUT of it would (authors only their own documents, not while in review; a published document's as its pending version), which adds a new revision.")
    @APIResponse(responseCode = "200", description = "Restored.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such document for this caller, or the revision is not one of the document's.")
    @APIResponse(responseCode = "422", description = "The revision is no longer valid (e.g. its type or a related document was deleted since).")
    public RestResponse<DocumentView> restoreRevision(@PathParam("id") long id, @PathParam("revisionId") long revisionId,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), documents.restore(id, revisionId, IfMatch.version(ifMatch), caller.get()));
    }

    private static RestResponse<DocumentView> withVersion(ResponseBuilder<DocumentView> response, DocumentView document) {
        return response.entity(document).header(HttpHeaders.ETAG, IfMatch.etag(document.version())).build();
    }
}
