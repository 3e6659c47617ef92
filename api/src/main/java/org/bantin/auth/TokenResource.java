package org.bantin.auth;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bantin.auth.TokenRecords.IssuedToken;
import org.bantin.auth.TokenRecords.TokenInput;
import org.bantin.auth.TokenRecords.TokenView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints for editor API tokens. */
@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@Tag(name = "Admin: tokens")
public class TokenResource {

    private final TokenService tokens;
    private final CurrentCaller caller;

    TokenResource(TokenService tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createToken", summary = "Issue an API token", description = "The secret is in the response once; only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Issued.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedToken.class)))
    public Response create(@Valid @NotNull TokenInput input) {
        IssuedToken issued = tokens.issue(input, caller.get());
        return Response.created(URI.create("/api/v1/admin/tokens/" + issued.id())).entity(issued).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List API tokens, revoked ones included")
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", description = "It stops working at once. Revoking twice is harmless.")
    @APIResponse(responseCode = "200", description = "The token, now revoked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    public TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
