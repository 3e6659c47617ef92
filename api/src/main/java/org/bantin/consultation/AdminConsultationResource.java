package org.bantin.consultation;

import java.net.URI;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.consultation.ConsultationRecords.ConsultationInput;
import org.bantin.consultation.ConsultationRecords.ConsultationPatch;
import org.bantin.consultation.ConsultationRecords.ConsultationView;
import org.bantin.http.IfMatch;
import org.bantin.http.MergePatch;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Staff endpoints for consultations on drafts: writing, publishing, and the comments export for the drafting office. */
@Path("/api/v1/admin/consultations")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: consultations")
public class AdminConsultationResource {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The version (ETag) the change is based on; another version makes it a 412.";

    private final ConsultationService consultations;
    private final CommentService comments;
    private final MergePatch mergePatch;
    private final ZoneId zone;

    AdminConsultationResource(ConsultationService consultations, CommentService comments, MergePatch mergePatch,
            @ConfigProperty(name = "bantin.time-zone") ZoneId zone) {
        this.consultations = consultations;
        this.comments = comments;
        this.mergePatch = mergePatch;
        this.zone = zone;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createConsultation", summary = "Create a consultation on a document", description = "Created as a draft: readers see it once published.")
    @APIResponse(responseCode = "201", description = "Created, as a draft.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "422", description = "Invalid: closesAt not after opensAt, an unknown documentId, a missing or too long field; nothing is saved.")
    public RestResponse<ConsultationView> create(@Valid @NotNull ConsultationInput input) {
        ConsultationView created = consultations.create(input);
        return withVersion(ResponseBuilder.created(URI.create("/api/v1/admin/consultations/" + created.id())), created);
    }

    @GET
    @Operation(operationId = "adminListConsultations", summary = "List consultations in any state", description = "Most recently changed first.")
    public Page<ConsultationView> list(@BeanParam PageParams paging) {
        return consultations.list(paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetConsultation", summary = "Get a consultation in any state", description = "The ETag is its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The consultation, its summary whatever its status.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public RestResponse<ConsultationView> get(@PathParam("id") long id) {
        return withVersion(ResponseBuilder.ok(), consultations.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceConsultation", summary = "Replace a consultation", description = "Changes a published consultation at once (readers see it); "
            + "set `summary` to publish the agency's summary once it has closed.")
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    @APIResponse(responseCode = "422", description = "Invalid, as for create; nothing is changed.")
    public RestResponse<ConsultationView> replace(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ConsultationInput input) {
        return withVersion(ResponseBuilder.ok(), consultations.update(id, input, IfMatch.version(ifMatch)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchConsultation", summary = "Change some fields of a consultation (JSON merge patch, RFC 7396)", description = "Fields left out stay as they are; `null` clears an optional field. Saved as PUT saves.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = ConsultationPatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    @APIResponse(responseCode = "422", description = "Invalid, as for create; nothing is changed.")
    public RestResponse<ConsultationView> patch(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        return withVersion(ResponseBuilder.ok(), consultations.patch(id,
                current -> mergePatch.apply(current, patch, ConsultationInput.class), IfMatch.version(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteConsultation", summary = "Delete a consultation", description = "Its comments and their files go with it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public void delete(@PathParam("id") long id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        consultations.delete(id, IfMatch.version(ifMatch));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishConsultation", summary = "Publish a consultation", description = "Readers see it from now on, and may comment while it is open.")
    @APIResponse(responseCode = "200", description = "Published.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public RestResponse<ConsultationView> publish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), consultations.publish(id, IfMatch.version(ifMatch)));
    }

    @POST
    @Path("/{id}/unpublish")
    @Operation(operationId = "unpublishConsultation", summary = "Take a consultation back to draft", description = "Readers no longer see it nor comment on it.")
    @APIResponse(responseCode = "200", description = "A draft again.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public RestResponse<ConsultationView> unpublish(@PathParam("id") long id,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return withVersion(ResponseBuilder.ok(), consultations.unpublish(id, IfMatch.version(ifMatch)));
    }

    @GET
    @Path("/{id}/comments.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportConsultationComments", summary = "Every comment as CSV, for the drafting office (UTF-8 with a byte order mark)", description = "With emails, "
            + "status, who moderated and answered and when, rejection reasons and answers; times in the site's zone. Text that a spreadsheet would run as a formula is prefixed with a quote.")
    @APIResponse(responseCode = "200", description = "One row per comment, in the order they came.", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = "\uFEFFMã ý kiến,Thời gian gửi,Họ và tên,Email,\"Cơ quan, tổ chức\",Nội dung góp ý,Tệp đính kèm,Trạng thái,Người duyệt,Thời gian duyệt,Lý do từ chối,Trả lời,Người trả lời,Thời gian trả lời\r\n"
            + "118,2024-06-12T10:15+07:00,Nguyễn Văn An,nguyenvanan@example.vn,Hội Doanh nghiệp tỉnh Ninh Bình,Đề nghị bổ sung thời hạn cập nhật văn bản.,,answered,Phòng Văn bản,2024-06-13T09:00+07:00,,Đã tiếp thu tại khoản 2 Điều 8.,Phòng Văn bản,2024-07-05T09:00+07:00\r\n"))
    @APIResponse(responseCode = "404", description = "No consultation has this id.")
    public RestResponse<String> exportComments(@PathParam("id") long id) {
        return RestResponse.ResponseBuilder.ok(CommentCsv.of(comments.all(id), zone), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"y-kien-du-thao-" + id + ".csv\"").build();
    }

    private static RestResponse<ConsultationView> withVersion(ResponseBuilder<ConsultationView> response,
            ConsultationView consultation) {
        return response.entity(consultation).header(HttpHeaders.ETAG, IfMatch.etag(consultation.version())).build();
    }
}
