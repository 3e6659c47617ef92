package org.bantin.article;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.http.PublicResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** What a preview link shows: never cached by anyone, never indexed. */
@Path("/api/v1/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class PreviewResource {

    private final PreviewLinks links;
    private final PublicResponses responses;

    PreviewResource(PreviewLinks links, PublicResponses responses) {
        this.links = links;
        this.responses = responses;
    }

    @GET
    @Path("/{token}")
    @Operation(operationId = "getPreview", summary = "An article as it would be published, through a preview link", description = "For the holder of a link from POST /api/v1/admin/articles/{id}/preview, until it expires (BANTIN_PREVIEW_TTL, 1 h) or is revoked: "
            + "the article in any state, as readers would get it (`publishedAt` is now for a draft). `Cache-Control: no-store` and `X-Robots-Tag: noindex`. An unknown, expired or revoked link is a 404.")
    public RestResponse<ArticleView> get(@Context HttpHeaders headers,
            @Parameter(description = "The link's token.", example = "pv_3q2f6Yk0bWm8v1X9cR4tN7sL5pA2dE6gH8jK0mQ3uZ1") @PathParam("token") String token) {
        return responses.unshared(headers, links.show(token));
    }
}
