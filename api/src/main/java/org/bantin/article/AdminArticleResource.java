package org.bantin.article;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.article.ArticleRecords.AdminArticleView;
import org.bantin.article.ArticleRecords.ArticleInput;
import org.bantin.article.ArticleRecords.ArticlePatch;
import org.bantin.article.ArticleRecords.PublishRequest;
import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.content.ContentReview;
import org.bantin.content.ContentRevisions;
import org.bantin.content.PreviewTokens.PreviewLink;
import org.bantin.content.ReviewRecords.ChangeRequest;
import org.bantin.content.Transitions.Transition;
import org.bantin.http.IfMatch;
import org.bantin.http.MergePatch;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.ProblemException;
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

/** Editor endpoints for articles: writing and the publishing workflow. */
@Path("/api/v1/admin/articles")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AUTHOR)
@Tag(name = "Admin: articles")
public class AdminArticleResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The version (ETag) the change is based on; another version makes it a 412.";

    private final ArticleService articles;
    private final PreviewLinks previews;
    private final ContentRevisions revisions;
    private final ArticleReview review;
    private final ContentReview steps;
    private final CurrentCaller caller;
    private final MergePatch mergePatch;

    AdminArticleResource(ArticleService articles, PreviewLinks previews, ContentRevisions revisions, ArticleReview review,
            ContentReview steps, CurrentCaller caller, MergePatch mergePatch) {
        this.articles = articles;
        this.previews = previews;
        this.revisions = revisions;
        this.review = review;
        this.steps = steps;
        this.caller = caller;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create a draft article", description = "The slug is made from the title when omitted.")
    @APIResponse(responseCode = "201", description = "Created, as a draft.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The explicit slug is taken.")
    public RestResponse<AdminArticleView> create(@Valid @NotNull ArticleInput input) {
        AdminArticleView created = articles.create(input, caller.get());
        return withVersion(ResponseBuilder.created(URI.create("/api/v1/admin/articles/" + created.id())), created);
    }

    @GET
    @Operation(operationId = "adminListArticles", summary = "List articles in any state", description = "Most recently changed first; "
            + "`state=in_review` (and `approved`) is the editors' queue, oldest submission first. Authors see their own articles and the published ones.")
    public Page<AdminArticleView> list(
            @Parameter(description = "Only articles in this state. in_review, changes_requested and approved also match live articles whose pending version is in that state.", schema = @Schema(enumeration = {
                    "draft", "in_review", "changes_requested", "approved", "scheduled",
                    "published", "expired"})) @QueryParam("state") String state,
            @BeanParam PageParams paging) {
        return articles.list(parseState(state), paging.request(), caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetArticle", summary = "Get an article in any state", description = "The ETag is the article's version, for If-Match. To an author, someone else's unpublished article is a 404.")
    public RestResponse<AdminArticleView> get(@PathParam("id") long id) {
        return withVersion(ResponseBuilder.ok(), articles.get(id, caller.get()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article's content", description = "An omitted slug keeps the current one. "
            + "A live (published or scheduled) article keeps what readers see: the content is saved as its pending version, published by `.../publish`. "
            + "Authors may change only their own articles, and not while they wait for review (409 naming the state).")
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The new slug is taken, someone else saved the article at the same moment, or (to its author) the article waits for review.")
    public RestResponse<AdminArticleView> replace(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ArticleInput input) {
        return withVersion(ResponseBuilder.ok(), articles.update(id, input, IfMatch.version(ifMatch), caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article (JSON merge patch, RFC 7396)", description = "Fields left out stay as they are; `null` clears an optional field. "
            + "The patch applies to the working copy (a live article's pending version, if any) and is saved as PUT saves.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = ArticlePatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The new slug is taken, someone else saved the article at the same moment, or (to its author) the article waits for review.")
    public RestResponse<AdminArticleView> patch(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        return withVersion(ResponseBuilder.ok(),
                articles.patch(id, current -> mergePatch.apply(current, patch, ArticleInput.class), IfMatch.version(ifMatch),
                        caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article", description = "Authors may delete only their own articles that are not live and not waiting for review.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        articles.delete(id, IfMatch.version(ifMatch), caller.get());
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "publishArticle", summary = "Publish an article now or at a given time", description = "Publishes the working copy, whatever its review state "
            + "(editors may publish directly), except in categories the settings give a second approval: there only once approved, by another editor (else 409). "
            + "A live article's pending version replaces the live one. "
            + "No body: publish now (an article that is already live stays as it is, but for a pending version). `publishAt` in the future schedules it; in the past, backdates it. "
            + "`unpublishAt` ends it: from then on readers get a 410 for it and no list shows it (state `expired`); it must be after the publish time. "
            + "A body for an article that is already live sets its expiry (none without `unpublishAt`) and keeps its date unless `publishAt` is given.")
    @APIResponse(responseCode = "200", description = "Published or scheduled.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The category needs a second approval first (the problem's `state` names the article's), "
            + "or the pending version's slug is now another article's.")
    public RestResponse<AdminArticleView> publish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false) PublishRequest request) {
        return withVersion(ResponseBuilder.ok(), articles.publish(id, request, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitArticle", summary = "Submit an article for review", description = "From draft or changes_requested to in_review "
            + "(for a live article: its pending version). Authors submit their own articles; editors may too.")
    @APIResponse(responseCode = "200", description = "In review.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The article's state allows no submission (already in review, or live without pending changes); the problem's `state` names it.")
    public RestResponse<AdminArticleView> submit(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), review.submit(id, IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "requestArticleChanges", summary = "Send an article back to its author", description = "From in_review (or approved) to changes_requested, "
            + "with the editor's comment, which the article then shows as `reviewComment`.")
    @APIResponse(responseCode = "200", description = "Sent back.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The article is not in review; the problem's `state` names its state.")
    public RestResponse<AdminArticleView> requestChanges(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ChangeRequest request) {
        return withVersion(ResponseBuilder.ok(),
                review.requestChanges(id, request.comment(), IfMatch.version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/approve")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "approveArticle", summary = "Approve an article for a second editor to publish", description = "Only for categories that the "
            + "settings (`secondApprovalCategories`) give a second step: from in_review to approved; then another editor publishes it. "
            + "A change to the content after approval takes it back to in_review.")
    @APIResponse(responseCode = "200", description = "Approved.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "409", description = "The article is not in review, or its category needs no second approval; the problem's `state` names its state.")
    public RestResponse<AdminArticleView> approve(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), review.approve(id, IfMatch.version(ifMatch), caller.get()));
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(operationId = "listArticleTransitions", summary = "List an article's workflow steps", description = "Newest first: each submission, request for changes, "
            + "approval, publication and unpublication, with who made it and when. Editors read them for every article, authors for their own.")
    public Page<Transition> listTransitions(@PathParam("id") long id, @BeanParam PageParams paging) {
        return steps.transitions(articles, id, paging.request(), caller.get());
    }

    @POST
    @Path("/{id}/preview")
    @Operation(operationId = "createPreviewLink", summary = "Make a preview link to an article", description = "A read-only link that shows the article as it would be published, "
            + "to whoever holds it, for BANTIN_PREVIEW_TTL (1 h): GET the `url` (GET /api/v1/preview/{token}). Authors preview their own articles.")
    @APIResponse(responseCode = "201", description = "A new link.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewLink.class)))
    public RestResponse<PreviewLink> preview(@PathParam("id") long id) {
        PreviewLink link = previews.issue(id, caller.get());
        return ResponseBuilder.<PreviewLink>created(URI.create(link.url())).entity(link).build();
    }

    @DELETE
    @Path("/{id}/preview")
    @Operation(operationId = "revokePreviewLinks", summary = "Revoke every preview link to an article", description = "They answer 404 at once.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public void revokePreviews(@PathParam("id") long id) {
        previews.revoke(id, caller.get());
    }

    @POST
    @Path("/{id}/unpublish")
    @RequiresRole(Role.EDITOR)
    @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft", description = "Clears its publish time and expiry. Unpublishing a draft changes nothing.")
    public RestResponse<AdminArticleView> unpublish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), articles.unpublish(id, IfMatch.version(ifMatch), caller.get()));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listArticleRevisions", summary = "List an article's revisions", description = "Newest first, without their fields. "
            + "Every save (create, PUT, PATCH, restore) adds one; publishing and unpublishing change no content and add none. "
            + "Editors read them for every article, authors for their own.")
    public Page<RevisionSummary> listRevisions(@PathParam("id") long id, @BeanParam PageParams paging) {
        return revisions.list(articles, id, paging.request(), caller.get());
    }

    @GET
    @Path("/{id}/revisions/{revisionId}")
    @Operation(operationId = "getArticleRevision", summary = "Get a revision of an article", description = "The article's fields as that save left them.")
    @APIResponse(responseCode = "200", description = "The revision.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", description = "No such article for this caller, or the revision is not one of the article's.")
    public RevisionView getRevision(@PathParam("id") long id, @PathParam("revisionId") long revisionId) {
        return revisions.get(articles, id, revisionId, caller.get());
    }

    @GET
    @Path("/{id}/revisions/{a}/diff/{b}")
    @Operation(operationId = "diffArticleRevisions", summary = "Compare two revisions of an article", description = "The fields that differ from revision `a` to revision `b`, "
            + "each with its value before and after; the body also as text, one paragraph (heading, list item, caption) a line, "
            + "each line equal, inserted or deleted.")
    @APIResponse(responseCode = "200", description = "The changed fields.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionDiff.class)))
    @APIResponse(responseCode = "404", description = "No such article for this caller, or a revision that is not one of the article's.")
    public RevisionDiff diffRevisions(@PathParam("id") long id,
            @Parameter(description = "Revision id, the older side.") @PathParam("a") long a,
            @Parameter(description = "Revision id, the newer side.") @PathParam("b") long b) {
        return revisions.diff(articles, id, a, b, caller.get());
    }

    @POST
    @Path("/{id}/revisions/{revisionId}/restore")
    @Operation(operationId = "restoreArticleRevision", summary = "Restore a revision of an article", description = "Saves the revision's content as the article's, "
            + "as a PUT of it would (authors only their own articles, not while in review; the body sanitised again; "
            + "a live article's as its pending version), which adds a new revision.")
    @APIResponse(responseCode = "200", description = "Restored.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article for this caller, or the revision is not one of the article's.")
    @APIResponse(responseCode = "409", description = "The revision's slug is now another article's, or someone else saved the article at the same moment.")
    public RestResponse<AdminArticleView> restoreRevision(@PathParam("id") long id, @PathParam("revisionId") long revisionId,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), articles.restore(id, revisionId, IfMatch.version(ifMatch), caller.get()));
    }

    private static RestResponse<AdminArticleView> withVersion(ResponseBuilder<AdminArticleView> response,
            AdminArticleView article) {
        return response.entity(article).header(HttpHeaders.ETAG, IfMatch.etag(article.version())).build();
    }

    private static ArticleState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        for (ArticleState candidate : ArticleState.values()) {
            if (candidate.wireName().equals(state)) {
                return candidate;
            }
        }
        throw ProblemException.invalidField(400, "state",
                "must be one of draft, in_review, changes_requested, approved, scheduled, published, expired");
    }
}
