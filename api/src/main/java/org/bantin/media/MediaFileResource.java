package org.bantin.media;

import java.nio.charset.StandardCharsets;

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
import org.bantin.http.PublicResponses;
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
 * may be kept for a year. A file held in memory is answered on the I/O thread; any other is read
 * from the store on a worker thread. Nothing served may run in a browser: files are never sniffed,
 * sandboxed, and anything but an image is a download.
 */
@Path("/api/v1/media/files")
@Produces(MediaType.WILDCARD)
@Tag(name = "Media")
public class MediaFileResource {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";
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
        response.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY).set("X-Content-Type-Options", "nosniff");
        if (!MediaKeys.isKey(key)) {
            return Uni.createFrom().failure(MediaFileResource::notFound);
        }
        Found held = reads.inMemory(key);
        if (held != null) {
            return Uni.createFrom().item(() -> respond(held, request, withBody));
        }
        return Uni.createFrom().item(() -> respond(reads.read(key).orElseThrow(MediaFileResource::notFound), request, withBody))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response respond(Found found, HttpHeaders request, boolean withBody) {
        String key = found.file().key();
        String etag = '"' + MediaKeys.sha256Of(key) + '"';
        if (PublicResponses.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .build();
        }
        long size = found.file().bytes();
        ByteRange range = ByteRange.of(request.getHeaderString("Range"), request.getHeaderString("If-Range"), etag, size);
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        Response.ResponseBuilder response = Response.status(range == null ? 200 : 206)
                .header(HttpHeaders.CONTENT_TYPE, found.file().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("Accept-Ranges", "bytes");
        if (range != null) {
            response.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        if (found.downloadName() != null) {
            response.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded(found.downloadName()));
        }
        if (withBody && length > 0) {
            response.entity(found.bytes() != null
                    ? found.bytes().slice((int) first, (int) (first + length))
                    : reads.open(key, first, length));
        }
        return response.build();
    }

    /** RFC 8187's value-chars: UTF-8, with everything but letters, digits and !#$&+-.^_`|~ percent-encoded. */
    static String encoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No media file has this key.");
    }
}
