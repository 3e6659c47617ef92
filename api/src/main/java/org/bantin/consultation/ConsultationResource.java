package org.bantin.consultation;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.consultation.CommentFiles.CommentFile;
import org.bantin.consultation.ConsultationRecords.CommentForm;
import org.bantin.consultation.ConsultationRecords.CommentInput;
import org.bantin.consultation.ConsultationRecords.CommentReceipt;
import org.bantin.consultation.ConsultationRecords.ConsultationView;
import org.bantin.consultation.ConsultationRecords.PublishedComment;
import org.bantin.http.ClientAddresses;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.PublicResponses;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;

/** Readers see published consultations on drafts, comment while one is open, and read approved comments once closed. */
@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations")
public class ConsultationResource {

    private static final String SUBMIT_DESCRIPTION = "Taken only while the consultation is open, with `consent` true "
            + "(see the consultation's `privacyNotice`); it awaits moderation. The email is never published.";

    private final PublicConsultations consultations;
    private final CommentService comments;
    private final PublicResponses responses;
    private final VoterTokens voters;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final BallotCaps ballotCaps;
    private final Validator validator;

    ConsultationResource(PublicConsultations consultations, CommentService comments, PublicResponses responses,
            VoterTokens voters, RateLimits rateLimits, ClientAddresses clientAddresses, BallotCaps ballotCaps,
            Validator validator) {
        this.consultations = consultations;
        this.comments = comments;
        this.responses = responses;
        this.voters = voters;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.ballotCaps = ballotCaps;
        this.validator = validator;
    }

    @GET
    @Operation(operationId = "listConsultations", summary = "List published consultations on drafts", description = "Latest opening first. "
            + "`status` is taken now: upcoming before opensAt, open until closesAt, closed after.")
    @APIResponse(responseCode = "200", description = "One page of published consultations.")
    public RestResponse<Page<ConsultationView>> list(@Context HttpHeaders headers,
            @Parameter(description = "Only the open, closed or upcoming consultations.", schema = @Schema(enumeration = {"open",
                    "closed", "upcoming"})) @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        return responses.ok(headers, consultations.list(ConsultationStatus.ofParameter(status), paging.request()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConsultation", summary = "Get a published consultation", description = "With the document under consultation "
            + "(shown even while it is a draft), the privacy notice to show beside the comment form, and the agency's summary once closed.")
    @APIResponse(responseCode = "200", description = "The consultation.")
    @APIResponse(responseCode = "404", description = "No published consultation has this id.")
    public RestResponse<ConsultationView> get(@Context HttpHeaders headers,
            @Parameter(example = "3") @PathParam("id") long id) {
        return responses.ok(headers, consultations.get(id));
    }

    @GET
    @Path("/{id}/comments")
    @Operation(operationId = "listConsultationComments", summary = "Approved comments of a closed consultation", description = "Oldest first, "
            + "with the agency's answer if any. Names and organisations are shown; emails never.")
    @APIResponse(responseCode = "200", description = "One page of approved comments.")
    @APIResponse(responseCode = "404", description = "No published consultation has this id.")
    @APIResponse(responseCode = "409", description = "The consultation has not closed yet: comments are published after it closes.")
    public RestResponse<Page<PublishedComment>> listComments(@Context HttpHeaders headers,
            @Parameter(example = "3") @PathParam("id") long id, @BeanParam PageParams paging) {
        return responses.ok(headers, consultations.comments(id, paging.request()));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "commentOnConsultation", summary = "Comment on an open consultation", description = SUBMIT_DESCRIPTION
            + " Sent as JSON, or as multipart/form-data with an attached file (the `file` part beside the same fields).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentInput.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = CommentForm.class))})
    @APIResponse(responseCode = "201", description = "Taken, pending moderation.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentReceipt.class)))
    @APIResponse(responseCode = "401", description = "No Voter-Token, or one that is forged, altered or expired.")
    @APIResponse(responseCode = "404", description = "No published consultation has this id.")
    @APIResponse(responseCode = "409", description = "The consultation is not open (not yet, or no longer); nothing was saved.")
    @APIResponse(responseCode = "415", description = "The attached file is not a PDF, DOCX, ODT, JPEG, PNG or WebP file (decided from its bytes).")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid (`consent` not true, an email that is not one, text too long); nothing was saved.")
    @APIResponse(responseCode = "429", description = "Too many comments from this address; see Retry-After.")
    public RestResponse<CommentReceipt> comment(@PathParam("id") long id,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION, required = true) @HeaderParam(VoterTokens.HEADER) String voterToken,
            @Context HttpServerRequest request, @Valid @NotNull CommentInput input) {
        return submit(id, voterToken, request, input, null);
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(hidden = true)
    public RestResponse<CommentReceipt> commentWithFile(@PathParam("id") long id,
            @HeaderParam(VoterTokens.HEADER) String voterToken, @Context HttpServerRequest request,
            @RestForm("name") String name, @RestForm("email") String email, @RestForm("organisation") String organisation,
            @RestForm("comment") String comment, @RestForm("consent") String consent, @RestForm("file") FileUpload file) {
        CommentInput input = new CommentInput(name, email, organisation, comment,
                consent == null ? null : Boolean.valueOf(consent.strip()));
        Set<ConstraintViolation<CommentInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return submit(id, voterToken, request, input, file);
    }

    private RestResponse<CommentReceipt> submit(long id, String voterToken, HttpServerRequest request, CommentInput input,
            FileUpload upload) {
        voters.voterOf(voterToken);
        String client = clientAddresses.of(request);
        rateLimits.take(Action.SUBMISSION, client);
        CommentFile file = upload == null ? null : CommentFiles.checked(upload.uploadedFile(), upload.fileName());
        return RestResponse.status(RestResponse.Status.CREATED, comments.submit(id, input, file, ballotCaps.of(client)));
    }
}
