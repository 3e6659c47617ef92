package org.bantin.document;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.PublicResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** What a preview link to a document shows: never cached by anyone, never indexed. */
@Path("/api/v1/preview/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentPreviewResource {

    private final DocumentPreviews previews;
    private final PublicResponses responses;

    DocumentPreviewResource(DocumentPreviews previews, PublicResponses responses) {
        this.previews = previews;
        this.responses = responses;
    }

    @GET
    @Path("/{token}")
    @Operation(operationId = "getDocumentPreview", summary = "A document as it would be published, through a preview link", description = "For the holder of a link from "
            + "POST /api/v1/admin/documents/{id}/preview, until it expires (BANTIN_PREVIEW_TTL, 1 h) or is revoked: the document's working copy "
            + "(a published document's pending version) as readers would get it. `Cache-Control: no-store` and `X-Robots-Tag: noindex`. "
            + "An unknown, expired or revoked link is a 404.")
    @APIResponse(responseCode = "200", description = "The document.")
    @APIResponse(responseCode = "404", description = "An unknown, expired or revoked link, or its document was deleted.")
    public RestResponse<DocumentView> get(@Context HttpHeaders headers,
            @Parameter(description = "The link's token.", example = "pv_3q2f6Yk0bWm8v1X9cR4tN7sL5pA2dE6gH8jK0mQ3uZ1") @PathParam("token") String token) {
        return responses.unshared(headers, previews.show(token));
    }
}
