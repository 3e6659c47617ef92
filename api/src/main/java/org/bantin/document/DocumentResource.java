package org.bantin.document;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.document.DocumentRecords.DocumentFilter;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.ClientAddresses;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.PublicResponses;
import org.bantin.http.QueryParams;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Public reads of published legal documents. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private static final int MAX_TEXT = 200;

    private final PublicDocuments documents;
    private final PublicResponses responses;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;

    DocumentResource(PublicDocuments documents, PublicResponses responses, RateLimits rateLimits,
            ClientAddresses clientAddresses) {
        this.documents = documents;
        this.responses = responses;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
    }

    @GET
    @Operation(operationId = "listDocuments", summary = "List published legal documents", description = "Newest issue date first (undated last), then by id, newest first. "
            + "Every filter ignores case and Vietnamese tones and marks but `type` (exact).")
    @APIResponse(responseCode = "200", description = "One page of published documents.")
    @APIResponse(responseCode = "429", description = "Too many searches (`q`) from this address; see Retry-After.")
    public RestResponse<Page<DocumentView>> list(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @Parameter(description = "A part of the number and symbol, or words of the summary (all must appear; quotes make a phrase).", example = "QĐ-UBND", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("q") String q,
            @Parameter(description = "A part of the number and symbol.", example = "15/2024", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("number") String number,
            @Parameter(description = "Document type, exactly as listed.", example = "Quyết định", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("type") String type,
            @Parameter(description = "Issuing body, whole.", example = "UBND tỉnh Ninh Bình", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("issuer") String issuer,
            @Parameter(description = "Field (lĩnh vực), whole.", example = "Cải cách hành chính", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("field") String field,
            @Parameter(description = "A part of the signer's name.", example = "Phạm Quang Ngọc", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("signer") String signer,
            @Parameter(description = "Year of issue.", example = "2024", schema = @Schema(type = SchemaType.INTEGER, minimum = "1800", maximum = "2200")) @QueryParam("year") String year,
            @Parameter(description = "Legal status today.", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "in_force",
                    "not_yet_in_force", "expired", "replaced"})) @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        String query = QueryParams.text("q", q, MAX_TEXT);
        if (query != null) {
            rateLimits.take(Action.UNCACHED_LIST_READ, clientAddresses.of(request));
        }
        DocumentFilter filter = new DocumentFilter(query, QueryParams.text("number", number, MAX_TEXT),
                QueryParams.text("type", type, MAX_TEXT), QueryParams.text("issuer", issuer, MAX_TEXT),
                QueryParams.text("field", field, MAX_TEXT), QueryParams.text("signer", signer, MAX_TEXT),
                year == null || year.isBlank() ? null : QueryParams.integer("year", year, 0, 1800, 2200),
                status == null || status.isBlank() ? null : DocumentStatus.of(status.strip()));
        return responses.ok(headers, documents.list(filter, paging.request()));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getDocument", summary = "Get a published legal document by its slug", description = "Drafts and unknown slugs are 404. "
            + "Relations show only published documents.")
    @APIResponse(responseCode = "200", description = "The document.")
    @APIResponse(responseCode = "404", description = "No published document has this slug.")
    public RestResponse<DocumentView> get(@Context HttpHeaders headers,
            @Parameter(example = "15-2024-qd-ubnd-ban-hanh-quy-che-phoi-hop-giai-quyet-thu-tuc-hanh-chinh") @PathParam("slug") String slug) {
        return responses.ok(headers, documents.get(slug));
    }
}
