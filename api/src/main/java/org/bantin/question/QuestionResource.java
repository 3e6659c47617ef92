package org.bantin.question;

import java.util.List;

import jakarta.validation.Valid;
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

import org.bantin.http.ClientAddresses;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.PublicResponses;
import org.bantin.http.QueryParams;
import org.bantin.question.QuestionRecords.AskInput;
import org.bantin.question.QuestionRecords.PrivacyNotice;
import org.bantin.question.QuestionRecords.PublicQuestion;
import org.bantin.question.QuestionRecords.QuestionReceipt;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Readers ask questions, and read the published ones with their answers. */
@Path("/api/v1/questions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questions")
public class QuestionResource {

    private static final int MAX_TEXT = 200;

    private final QuestionService questions;
    private final PublicQuestions published;
    private final QuestionQueries queries;
    private final PrivacyNotices notices;
    private final PublicResponses responses;
    private final VoterTokens voters;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;

    QuestionResource(QuestionService questions, PublicQuestions published, QuestionQueries queries,
            PrivacyNotices notices, PublicResponses responses, VoterTokens voters, RateLimits rateLimits,
            ClientAddresses clientAddresses) {
        this.questions = questions;
        this.published = published;
        this.queries = queries;
        this.notices = notices;
        this.responses = responses;
        this.voters = voters;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askQuestion", summary = "Ask a question", description = "With consent to the privacy notice "
            + "(GET /api/v1/questions/privacy-notice). Staff answer it; readers see it once it is published with its answer, "
            + "the asker's name shortened and the contact never shown. The receipt holds none of the personal data sent.")
    @APIResponse(responseCode = "202", description = "Received, as a new question.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionReceipt.class)))
    @APIResponse(responseCode = "401", description = "No Voter-Token, or one that is forged or altered.")
    @APIResponse(responseCode = "422", description = "Invalid, nothing saved: consent not true, neither email nor phone, an unknown topic, an email or phone that is not one.")
    @APIResponse(responseCode = "429", description = "Too many texts (questions, comments) from this address; see Retry-After.")
    public RestResponse<QuestionReceipt> ask(
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION, required = true) @HeaderParam(VoterTokens.HEADER) String voterToken,
            @Context HttpServerRequest request, @Valid @NotNull AskInput input) {
        voters.voterOf(voterToken);
        rateLimits.take(Action.SUBMISSION, clientAddresses.of(request));
        return RestResponse.status(RestResponse.Status.ACCEPTED, questions.ask(input));
    }

    @GET
    @Operation(operationId = "listQuestions", summary = "List published questions with their answers", description = "Newest answer first. "
            + "`q` finds words of the question or the answer, ignoring case and Vietnamese tones and marks (`thu tuc` finds `thủ tục`).")
    @APIResponse(responseCode = "200", description = "One page of published questions.")
    @APIResponse(responseCode = "429", description = "Too many searches (`q`) from this address; see Retry-After.")
    public RestResponse<Page<PublicQuestion>> list(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @Parameter(description = "Words of the question or answer (all must appear; quotes make a phrase).", example = "thu tuc cap lai", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("q") String q,
            @Parameter(description = "A topic, exactly as listed.", example = "Thủ tục hành chính", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("topic") String topic,
            @BeanParam PageParams paging) {
        String query = QueryParams.text("q", q, MAX_TEXT);
        if (query != null) {
            rateLimits.take(Action.UNCACHED_LIST_READ, clientAddresses.of(request));
        }
        return responses.ok(headers, published.list(query, QueryParams.text("topic", topic, MAX_TEXT), paging.request()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getQuestion", summary = "Get a published question with its answer", description = "Questions not published are 404.")
    @APIResponse(responseCode = "200", description = "The question.")
    @APIResponse(responseCode = "404", description = "No published question has this id.")
    public RestResponse<PublicQuestion> get(@Context HttpHeaders headers, @Parameter(example = "42") @PathParam("id") long id) {
        return responses.ok(headers, published.get(id));
    }

    @GET
    @Path("/topics")
    @Operation(operationId = "listQuestionTopics", summary = "List the topics a question may have", description = "In the site's order.")
    @APIResponse(responseCode = "200", description = "The topics.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, example = "[\"Thủ tục hành chính\", \"Đất đai\", \"Khác\"]")))
    public RestResponse<List<String>> topics(@Context HttpHeaders headers) {
        return responses.ok(headers, queries.topics());
    }

    @GET
    @Path("/privacy-notice")
    @Operation(operationId = "getQuestionPrivacyNotice", summary = "The privacy notice of the question form", description = "Who keeps the asker's data, "
            + "for what, what is published, and how long email and phone are kept (BANTIN_QUESTIONS_CONTACT_RETENTION).")
    @APIResponse(responseCode = "200", description = "The notice.")
    public RestResponse<PrivacyNotice> privacyNotice(@Context HttpHeaders headers) {
        return responses.ok(headers, notices.current());
    }
}
