package org.bantin.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bantin.http.ProblemException;
import org.bantin.media.MediaFileReads.Found;
import org.bantin.media.store.MediaKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerResponse;

/**
 * Media files at public, immutable addresses: the key is the hash of the bytes, so a response
 * may be kept for a year. Files held in memory are answered before this (MediaFileRoute); here the
 * others are read from the store on a worker thread. Nothing served may run in a browser: files
 * are never sniffed, sandboxed, and anything but an image is a download.
 */
@Path(MediaFileResource.PATH)
@Produces(MediaType.WILDCARD)
@Tag(name = "Media")
public class MediaFileResource {

    static final String PATH = "/api/v1/media/files";
    private static final String KEY_DESCRIPTION = "`<sha256 hex of the bytes>.<extension>`, as in a media's `url`.";

    private final MediaFileReads reads;

    MediaFileResource(MediaFileReads reads) {
        this.reads = reads;
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getMediaFile", summary = "Download a media file", description = "Public, no credentials. "
            + "Images are shown inline; other files come as attachments named after their media. "
            + "Cached for a year (the address changes with the bytes). One byte range per request (`Range: bytes=a-b`, "
            + "`bytes=a-`, `bytes=-n`; `If-Range` with the ETag); a request for several ranges gets the whole file (200).")
    @APIResponse(responseCode = "200", description = "The whole file.", headers = {
            @Header(name = "Accept-Ranges", description = "`bytes`.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Disposition", description = "For files other than images: `attachment; filename*=UTF-8''<name>`.", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The byte range asked for.", headers = {
            @Header(name = "Content-Range", description = "`bytes a-b/size`.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The SHA-256 of the whole file, quoted.", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "416", description = "The range starts past the end of the file; Content-Range says its size (`bytes */size`).", headers = @Header(name = "Content-Range", description = "`bytes */size`.", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> getMediaFile(@Parameter(description = KEY_DESCRIPTION) @PathParam("key") String key,
            @Context HttpHeaders request, @Context HttpServerResponse response) {
        return answer(key, request, response, true);
    }

    @HEAD
    @Path("{key}")
    @Operation(operationId = "headMediaFile", summary = "A media file's headers", description = "As GET, without the body.")
    @APIResponse(responseCode = "200", description = "The whole file's headers.")
    @APIResponse(responseCode = "206", description = "The byte range's headers.")
    @APIResponse(responseCode = "304", description = "The file is the one whose ETag was sent in If-None-Match.")
    @APIResponse(responseCode = "416", description = "The range starts past the end of the file.")
    public Uni<Response> headMediaFile(@Parameter(description = KEY_DESCRIPTION) @PathParam("key") String key,
            @Context HttpHeaders request, @Context HttpServerResponse response) {
        return answer(key, request, response, false);
    }

    private Uni<Response> answer(String key, HttpHeaders request, HttpServerResponse response, boolean withBody) {
        // In place of the API's own (quarkus.http.header), which Quarkus REST would only add to.
        response.headers().set("Content-Security-Policy", FileReply.CONTENT_SECURITY_POLICY).set("X-Content-Type-Options",
                "nosniff");
        if (!MediaKeys.isKey(key)) {
            return Uni.createFrom().failure(MediaFileResource::notFound);
        }
        return Uni.createFrom().item(() -> respond(reads.read(key).orElseThrow(MediaFileResource::notFound), request, withBody))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response respond(Found found, HttpHeaders request, boolean withBody) {
        FileReply reply = FileReply.of(found, request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString("Range"), request.getHeaderString("If-Range"));
        Response.ResponseBuilder response = Response.status(reply.status()).header(HttpHeaders.ETAG, reply.etag())
                .header(HttpHeaders.CACHE_CONTROL, FileReply.CACHE_CONTROL);
        if (reply.status() == 304) {
            return response.build();
        }
        response.header(HttpHeaders.CONTENT_TYPE, reply.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, reply.length())
                .header("Accept-Ranges", "bytes")
                .header("Content-Range", reply.contentRange())
                .header("Content-Disposition", reply.disposition());
        if (withBody && reply.hasBody()) {
            response.entity(found.bytes() != null
                    ? found.bytes().slice((int) reply.first(), (int) (reply.first() + reply.length()))
                    : reads.open(found.file().key(), reply.first(), reply.length()));
        }
        return response.build();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No media file has this key.");
    }
}
