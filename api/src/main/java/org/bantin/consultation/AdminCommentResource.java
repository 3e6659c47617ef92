package org.bantin.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.consultation.CommentFiles.CommentFile;
import org.bantin.consultation.ConsultationRecords.AnswerInput;
import org.bantin.consultation.ConsultationRecords.ModeratedComment;
import org.bantin.consultation.ConsultationRecords.RejectInput;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.buffer.Buffer;

/** Staff moderate readers' comments on a consultation: approve, reject with a reason, answer; and read attached files. */
@Path("/api/v1/admin/consultations/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: consultations")
public class AdminCommentResource {

    private final CommentService comments;
    private final CurrentCaller caller;

    AdminCommentResource(CommentService comments, CurrentCaller caller) {
        this.comments = comments;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "adminListConsultationComments", summary = "List a consultation's comments", description = "In the order they came, with emails and moderation.")
    @APIResponse(responseCode = "200", description = "One page of comments.")
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public Page<ModeratedComment> list(@Parameter(example = "3") @PathParam("id") long id,
            @Parameter(description = "Only the comments in this state.", schema = @Schema(enumeration = {"pending", "approved",
                    "rejected", "answered"})) @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        return comments.list(id, CommentStatus.ofParameter(status), paging.request());
    }

    @POST
    @Path("/{commentId}/approve")
    @Operation(operationId = "approveConsultationComment", summary = "Approve a comment", description = "Readers see it once the consultation has closed. "
            + "A rejected comment may be approved after all; an answered one is already published.")
    @APIResponse(responseCode = "200", description = "Approved.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "404", description = "No such comment in this consultation.")
    @APIResponse(responseCode = "409", description = "The comment is answered.")
    public ModeratedComment approve(@PathParam("id") long id, @PathParam("commentId") long commentId) {
        return comments.approve(id, commentId, caller.get());
    }

    @POST
    @Path("/{commentId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectConsultationComment", summary = "Reject a comment, with the reason", description = "It is never published; the reason is kept for the drafting office.")
    @APIResponse(responseCode = "200", description = "Rejected.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "404", description = "No such comment in this consultation.")
    @APIResponse(responseCode = "409", description = "The comment is answered.")
    @APIResponse(responseCode = "422", description = "No reason, or one too long; nothing is changed.")
    public ModeratedComment reject(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @Valid @NotNull RejectInput input) {
        return comments.reject(id, commentId, input.reason(), caller.get());
    }

    @POST
    @Path("/{commentId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerConsultationComment", summary = "Answer a comment", description = "Marks it answered (and approved): readers see the comment with "
            + "the answer once the consultation has closed. Answering again replaces the answer. Who answered and when is recorded.")
    @APIResponse(responseCode = "200", description = "Answered.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "404", description = "No such comment in this consultation.")
    @APIResponse(responseCode = "409", description = "The comment is rejected: approve it first.")
    @APIResponse(responseCode = "422", description = "No answer, or one too long; nothing is changed.")
    public ModeratedComment answer(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @Valid @NotNull AnswerInput input) {
        return comments.answer(id, commentId, input.answer(), caller.get());
    }

    @GET
    @Path("/{commentId}/attachment")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadConsultationCommentFile", summary = "Download the file attached to a comment", description = "Staff only: attached files are never public. "
            + "Named after the comment, never by the sender's file name.")
    @APIResponse(responseCode = "200", description = "The file.", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such comment, or it has no file.")
    public Response attachment(@PathParam("id") long id, @PathParam("commentId") long commentId) {
        CommentFile file = comments.attachment(id, commentId);
        return Response.ok(Buffer.buffer(file.content())).header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header("Content-Disposition",
                        "attachment; filename=\"" + CommentFiles.downloadName(commentId, file.contentType()) + "\"")
                .build();
    }
}
