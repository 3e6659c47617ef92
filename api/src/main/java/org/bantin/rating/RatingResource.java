package org.bantin.rating;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.http.ClientAddresses;
import org.bantin.http.PublicResponses;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.bantin.rating.RatingRecords.RatingInput;
import org.bantin.rating.RatingRecords.RatingSummary;
import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Readers rate a published article (1–5 points) and read its ratings. */
@Path("/api/v1/articles/{slug}/rating")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readers")
public class RatingResource {

    private final RatingService ratings;
    private final VoterTokens voters;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final BallotCaps ballotCaps;
    private final PublicResponses responses;

    RatingResource(RatingService ratings, VoterTokens voters, RateLimits rateLimits, ClientAddresses clientAddresses,
            BallotCaps ballotCaps,
            PublicResponses responses) {
        this.ratings = ratings;
        this.voters = voters;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.ballotCaps = ballotCaps;
        this.responses = responses;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateArticle", summary = "Rate an article from 1 to 5 points", description = "One rating per reader and article: rating again replaces the earlier score, and a retried request counts once. "
            + "The answer is the article's ratings including this one.")
    @APIResponse(responseCode = "200", description = "The article's ratings, this one included.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingSummary.class)))
    @APIResponse(responseCode = "401", description = "No Voter-Token, or one that is forged or altered.")
    @APIResponse(responseCode = "429", description = "Too many ratings from this address, or too many of this article this hour; see Retry-After.")
    public RatingSummary rate(
            @Parameter(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep") @PathParam("slug") String slug,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION, required = true) @HeaderParam(VoterTokens.HEADER) String voterToken,
            @Context HttpServerRequest request, @Valid @NotNull RatingInput input) {
        byte[] voter = voters.voterOf(voterToken);
        String client = clientAddresses.of(request);
        rateLimits.take(Action.VOTE, client);
        return ratings.rate(slug, voter, input.score(), ballotCaps.of(client));
    }

    @GET
    @Operation(operationId = "getArticleRating", summary = "The ratings of a published article", description = "With a Voter-Token, also the score this reader gave (`myScore`).")
    @APIResponse(responseCode = "200", description = "The article's ratings.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingSummary.class)))
    @APIResponse(responseCode = "401", description = "A Voter-Token was sent but is forged or altered.")
    public RestResponse<RatingSummary> get(@Context HttpHeaders headers,

            @Parameter(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep") @PathParam("slug") String slug,
            @Parameter(description = VoterTokens.HEADER_DESCRIPTION) @HeaderParam(VoterTokens.HEADER) String voterToken) {
        Optional<byte[]> voter = voters.optionalVoterOf(voterToken);
        RatingSummary summary = ratings.summary(slug, voter);
        return responses.perReader(headers, summary, voter.isPresent());
    }
}
