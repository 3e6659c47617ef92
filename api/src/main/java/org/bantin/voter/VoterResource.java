package org.bantin.voter;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.bantin.http.ClientAddresses;
import org.bantin.http.RateLimits;
import org.bantin.http.RateLimits.Action;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Issues anonymous voter tokens, the one identity readers have for ratings and survey votes. */
@Path("/api/v1/voters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readers")
public class VoterResource {

    @Schema(name = "VoterToken", description = "An anonymous reader identity. Keep it and send it as the `Voter-Token` header when rating or voting.")
    public record VoterToken(
            @Schema(example = "q3vYl0cX7tR2mN8pK4sW1g.4fJ9kL2mN7pQ1rS5tU8vWx", required = true) String token) {
    }

    private final VoterTokens tokens;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;

    VoterResource(VoterTokens tokens, RateLimits rateLimits, ClientAddresses clientAddresses) {
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Operation(operationId = "createVoter", summary = "Get an anonymous voter token", description = "No account needed. Rate-limited per client address (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "A new voter token.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoterToken.class)))
    @APIResponse(responseCode = "429", description = "Too many tokens from this address; see Retry-After.")
    public RestResponse<VoterToken> create(@Context HttpServerRequest request) {
        rateLimits.take(Action.ISSUE_VOTER_TOKEN, clientAddresses.of(request));
        return RestResponse.status(RestResponse.Status.CREATED, new VoterToken(tokens.issue()));
    }
}
