package org.bantin.voter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.bantin.http.ClientAddresses;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.bantin.voter.VoterRecords.Challenge;
import org.bantin.voter.VoterRecords.Solution;
import org.bantin.voter.VoterRecords.VoterToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Issues anonymous voter tokens, the one identity readers have for ratings and survey votes, for a proof of work. */
@Path("/api/v1/voters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readers")
public class VoterResource {

    private final VoterTokens tokens;
    private final VoterChallenges challenges;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;

    VoterResource(VoterTokens tokens, VoterChallenges challenges, RateLimits rateLimits, ClientAddresses clientAddresses) {
        this.tokens = tokens;
        this.challenges = challenges;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Path("/challenges")
    @Operation(operationId = "createVoterChallenge", summary = "Get a proof-of-work challenge for a voter token", description = "Solve it (a browser takes well under a second) and send the solution to POST /api/v1/voters "
            + "within minutes. Each call makes a new challenge; nothing is stored until it is solved.")
    @APIResponse(responseCode = "200", description = "A new challenge.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Challenge.class)))
    public Challenge challenge() {
        return challenges.issue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createVoter", summary = "Get an anonymous voter token", description = "No account needed: send a solved challenge from POST /api/v1/voters/challenges (each one once). "
            + "Send an earlier token, even an expired one, as `Voter-Token` to get a fresh token for the same voter. Rate-limited per client address (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "A new voter token.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoterToken.class)))
    @APIResponse(responseCode = "409", description = "This challenge was already used.")
    @APIResponse(responseCode = "422", description = "The solution is wrong, the challenge expired, or it was not issued by this server.")
    @APIResponse(responseCode = "429", description = "Too many tokens from this address; see Retry-After.")
    public RestResponse<VoterToken> create(
            @Parameter(description = "An earlier token of this reader, to keep the same voter.") @HeaderParam(VoterTokens.HEADER) String earlier,
            @Context HttpServerRequest request, @Valid @NotNull Solution solution) {
        rateLimits.take(Action.ISSUE_VOTER_TOKEN, clientAddresses.of(request));
        challenges.redeem(solution);
        return RestResponse.status(RestResponse.Status.CREATED, new VoterToken(tokens.renew(earlier)));
    }
}
