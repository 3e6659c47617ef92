package org.bantin.document;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.document.DocumentRecords.DocumentType;
import org.bantin.http.PublicResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The document types, for readers' filters. */
@Path("/api/v1/document-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentTypeResource {

    private final DocumentTypes types;
    private final PublicResponses responses;

    DocumentTypeResource(DocumentTypes types, PublicResponses responses) {
        this.types = types;
        this.responses = responses;
    }

    @GET
    @Operation(operationId = "listDocumentTypes", summary = "List the document types", description = "In the site's order: the values of the `type` filter "
            + "of GET /api/v1/documents, whether documents use them or not.")
    public RestResponse<List<DocumentType>> list(@Context HttpHeaders headers) {
        return responses.ok(headers, types.list());
    }
}
