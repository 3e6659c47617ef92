package org.bantin.media;

import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.http.IfMatch;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.ProblemException;
import org.bantin.media.MediaRecords.MediaPatch;
import org.bantin.media.MediaRecords.MediaView;
import org.bantin.media.MediaRecords.Metadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

/** Editor endpoints of the media library: upload, list, describe, delete. */
@Path("/api/v1/admin/media")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AUTHOR)
@Tag(name = "Admin: media")
public class AdminMediaResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The version (ETag) the change is based on; another version makes it a 412.";
    private static final String ACCEPTED = "Images: JPEG, PNG, WebP, GIF (re-encoded without metadata, orientation applied, renditions made; "
            + "a GIF keeps its first frame). Documents: PDF, DOCX, XLSX, ODT, ZIP (stored as sent). The type is read from the bytes; "
            + "a declared type (the part's or the body's Content-Type) other than that type or application/octet-stream is a 415.";

    private final MediaService media;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final long maxBytes;

    AdminMediaResource(MediaService media, CurrentCaller caller, ObjectMapper json, Validator validator,
            @ConfigProperty(name = "bantin.media.max-bytes") long maxBytes) {
        this.media = media;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.maxBytes = maxBytes;
    }

    /** The multipart form as the contract documents it (the method reads its parts one by one). */
    @Schema(name = "MediaUpload")
    public record UploadForm(
            @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The file; its part's filename is kept as `fileName`.") String file,
            @Schema(maxLength = MediaRecords.MAX_ALT, example = "Đồng chí Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết công tác cải cách hành chính") String alt,
            @Schema(maxLength = MediaRecords.MAX_CAPTION, example = "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.") String caption,
            @Schema(maxLength = MediaRecords.MAX_CREDIT, example = "Phòng Thông tin – Báo chí") String credit) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(operationId = "uploadMedia", summary = "Upload an image or a document", description = ACCEPTED
            + " Sent as multipart/form-data (the `file` part and its description) or as the raw body with the file's own "
            + "Content-Type (description in the query: `fileName`, `alt`, `caption`, `credit`).")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.oasis.opendocument.text", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Parameter(name = "fileName", in = ParameterIn.QUERY, description = "Raw body only: the file's name.", example = "hoi-nghi-so-ket-cchc.jpg", schema = @Schema(type = SchemaType.STRING, maxLength = MediaRecords.MAX_FILE_NAME))
    @Parameter(name = "alt", in = ParameterIn.QUERY, description = "Raw body only: alt text.", schema = @Schema(type = SchemaType.STRING, maxLength = MediaRecords.MAX_ALT))
    @Parameter(name = "caption", in = ParameterIn.QUERY, description = "Raw body only: caption.", schema = @Schema(type = SchemaType.STRING, maxLength = MediaRecords.MAX_CAPTION))
    @Parameter(name = "credit", in = ParameterIn.QUERY, description = "Raw body only: credit.", schema = @Schema(type = SchemaType.STRING, maxLength = MediaRecords.MAX_CREDIT))
    @APIResponse(responseCode = "201", description = "Stored; `renditions` lists what was made of an image.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than BANTIN_MEDIA_MAX_BYTES (refused while it streams in).")
    @APIResponse(responseCode = "415", description = "Not an accepted type (SVG, HTML, executables, files that are two types at once, ...), or sent as another type than its bytes are.")
    @APIResponse(responseCode = "422", description = "An image with more pixels than BANTIN_MEDIA_MAX_PIXELS (refused from its header, before decoding), an image that cannot be decoded, no `file` part, or a description too long.")
    public RestResponse<MediaView> uploadForm(@RestForm("file") FileUpload file, @RestForm("alt") String alt,
            @RestForm("caption") String caption, @RestForm("credit") String credit) {
        if (file == null) {
            throw ProblemException.invalidField(422, "file", "is required: the file as a part named `file`");
        }
        if (file.size() > maxBytes) {
            throw TemporaryFile.tooLarge(maxBytes);
        }
        Metadata metadata = checked(new Metadata(alt, caption, credit));
        return created(media.upload(file.uploadedFile(), file.contentType(), file.fileName(), metadata, caller.get()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(hidden = true)
    public RestResponse<MediaView> uploadRaw(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("fileName") String fileName, @QueryParam("alt") String alt,
            @QueryParam("caption") String caption, @QueryParam("credit") String credit,
            InputStream body) {
        Metadata metadata = checked(new Metadata(alt, caption, credit));
        try (TemporaryFile file = TemporaryFile.receive(body, maxBytes)) {
            return created(media.upload(file.path(), contentType, fileName, metadata, caller.get()));
        }
    }

    @GET
    @Operation(operationId = "listMedia", summary = "List the media library", description = "Newest first.")
    public Page<MediaView> list(
            @Parameter(description = "Words of the file name, alt text or caption; case, tones and marks are ignored.", example = "hoi nghi") @QueryParam("q") String q,
            @Parameter(description = "Only images or only documents.", schema = @Schema(enumeration = {"image",
                    "document"})) @QueryParam("kind") String kind,
            @BeanParam PageParams paging) {
        return media.list(q, parseKind(kind), paging.request(), caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMedia", summary = "Get media by id", description = "With the articles that show it. The ETag is its version, for If-Match.")
    public RestResponse<MediaView> get(@PathParam("id") long id) {
        return withVersion(ResponseBuilder.ok(), media.get(id, caller.get()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchMedia", summary = "Describe media (JSON merge patch)", description = "File name, alt text, caption, credit, focal point. "
            + "Authors may change only what they uploaded. The alt text of an image that a published article shows cannot be cleared.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = MediaPatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    public RestResponse<MediaView> patch(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        MediaPatch fields = checked(json.treeToValue(patch, MediaPatch.class));
        Set<String> named = new HashSet<>();
        patch.fieldNames().forEachRemaining(named::add);
        return withVersion(ResponseBuilder.ok(), media.patch(id, fields, named, IfMatch.version(ifMatch), caller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMedia", summary = "Delete media", description = "Its files go too, unless identical media still uses them. Authors may delete only what they uploaded.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "Articles show it (the problem names them), or legal documents attach it.")
    public void delete(@PathParam("id") long id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        media.delete(id, IfMatch.version(ifMatch), caller.get());
    }

    private <T> T checked(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    private static RestResponse<MediaView> created(MediaView view) {
        return withVersion(ResponseBuilder.created(URI.create("/api/v1/admin/media/" + view.id())), view);
    }

    private static RestResponse<MediaView> withVersion(ResponseBuilder<MediaView> response, MediaView view) {
        return response.entity(view).header(HttpHeaders.ETAG, IfMatch.etag(view.version())).build();
    }

    private static MediaKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return switch (kind) {
            case "image" -> MediaKind.IMAGE;
            case "document" -> MediaKind.DOCUMENT;
            default -> throw ProblemException.invalidField(400, "kind", "must be image or document");
        };
    }
}
