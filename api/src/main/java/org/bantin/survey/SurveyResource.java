package org.bantin.survey;

import java.util.Optional;

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
import org.bantin.http.ProblemException;
import org.bantin.http.PublicResponses;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.bantin.survey.SurveyRecords.SurveyResults;
import org.bantin.survey.SurveyRecords.SurveyView;
import org.bantin.survey.SurveyRecords.VoteInput;
import org.bantin.survey.SurveyRecords.VoteReceipt;
import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Readers see surveys, vote once, and see results when the survey allows. */
@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
public class SurveyResource {

    private final VotingService voting;
    private final VoterTokens voters;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final BallotCaps ballotCaps;
    private final PublicResponses responses;

    SurveyResource(VotingService voting, VoterTokens voters, RateLimits rateLimits, ClientAddresses clientAddresses,
            BallotCaps ballotCaps,
            PublicResponses responses) {
        this.voting = voting;
        this.voters = voters;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.ballotCaps = ballotCaps;
        this.responses = responses;
    }

    @GET
    @Operation(operationId = "listSurveys", summary = "List open and closed surveys", description = "Newest first. Drafts are never listed.")
    public RestResponse<Page<SurveyView>> list(@Context HttpHeaders headers,
            @Parameter(description = "Only open or only closed surveys.", schema = @Schema(enumeration = {"open",
                    "closed"})) @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        return responses.ok(headers, voting.list(parseStatus(status), paging.request()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSurvey", summary = "Get an open or closed survey", description = "With a Voter-Token, `myVote` tells whether and how this reader voted.")
    @APIResponse(responseCode = "200", description = "The survey.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "401", description = "A Voter-Token was sent but is forged or altered.")
    public RestResponse<SurveyView> get(@Context HttpHeaders headers, @PathParam("id") long id,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION) @HeaderParam(VoterTokens.HEADER) String voterToken) {
        Optional<byte[]> voter = voters.optionalVoterOf(voterToken);
        SurveyView survey = voting.get(id, voter);
        return responses.perReader(headers, survey, voter.isPresent());
    }

    @POST
    @Path("/{id}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "vote", summary = "Vote in an open survey", description = "One vote per reader and survey. The results come with the answer when the survey lets this reader see them.")
    @APIResponse(responseCode = "201", description = "Counted.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteReceipt.class)))
    @APIResponse(responseCode = "401", description = "No Voter-Token, or one that is forged or altered.")
    @APIResponse(responseCode = "409", description = "This reader has already voted, or the survey is not open.")
    @APIResponse(responseCode = "429", description = "Too many votes from this address, or too many in this survey this hour; see Retry-After.")
    public RestResponse<VoteReceipt> vote(@PathParam("id") long id,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION, required = true) @HeaderParam(VoterTokens.HEADER) String voterToken,
            @Context HttpServerRequest request, @Valid @NotNull VoteInput input) {
        byte[] voter = voters.voterOf(voterToken);
        String client = clientAddresses.of(request);
        rateLimits.take(Action.VOTE, client);
        return RestResponse.status(RestResponse.Status.CREATED,
                voting.vote(id, input.optionIds(), voter, ballotCaps.of(client)));
    }

    @GET
    @Path("/{id}/results")
    @Operation(operationId = "getSurveyResults", summary = "A survey's results, when readers may see them", description = "`always`: to anyone; `afterVote`: to a reader who voted (send the Voter-Token); `afterClose`: once closed; `never`: to editors only.")
    @APIResponse(responseCode = "200", description = "Votes and share of voters per option.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyResults.class)))
    @APIResponse(responseCode = "401", description = "A Voter-Token was sent but is forged or altered.")
    @APIResponse(responseCode = "403", description = "The survey does not show its results to this reader (yet).")
    public RestResponse<SurveyResults> results(@Context HttpHeaders headers, @PathParam("id") long id,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION) @HeaderParam(VoterTokens.HEADER) String voterToken) {
        Optional<byte[]> voter = voters.optionalVoterOf(voterToken);
        SurveyResults results = voting.results(id, voter);
        return responses.perReader(headers, results, voter.isPresent());
    }

    private static SurveyState parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status) {
            case "open" -> SurveyState.OPEN;
            case "closed" -> SurveyState.CLOSED;
            default -> throw ProblemException.invalidField(400, "status", "must be open or closed");
        };
    }
}
