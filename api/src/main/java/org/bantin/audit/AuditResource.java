package org.bantin.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeSet;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.bantin.audit.AuditRecords.AuditEntryView;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.ProblemException;
import org.bantin.http.QueryParams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints that read the audit log; nothing changes or deletes its entries. */
@Path("/api/v1/admin")
@RequiresRole(Role.ADMIN)
@Tag(name = "Admin: audit")
public class AuditResource {

    private final AuditLog log;
    private final ZoneId zone;

    AuditResource(AuditLog log, @ConfigProperty(name = "bantin.time-zone") ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    /** The filters both endpoints take. */
    public static class AuditParams {

        @QueryParam("actor")
        @Parameter(description = "Only what the token of this name did.", example = "Phòng Thông tin – Báo chí", schema = @Schema(type = SchemaType.STRING, maxLength = 120))
        String actor;

        @QueryParam("objectType")
        @Parameter(description = "Only entries about this type of object.", schema = @Schema(type = SchemaType.STRING, enumeration = {
                "article", "category", "survey", "media", "token", "settings"}))
        String objectType;

        @QueryParam("objectId")
        @Parameter(description = "Only entries about the object with this id.", example = "42", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
        String objectId;

        @QueryParam("from")
        @Parameter(description = "First day, inclusive (Asia/Ho_Chi_Minh).", example = "2024-12-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
        String from;

        @QueryParam("to")
        @Parameter(description = "Last day, inclusive (Asia/Ho_Chi_Minh).", example = "2024-12-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
        String to;

        AuditFilter filter(ZoneId zone) {
            String type = QueryParams.text("objectType", objectType, 40);
            if (type != null && !AdminActions.OBJECT_TYPES.contains(type)) {
                throw ProblemException.invalidField(400, "objectType",
                        "must be one of " + String.join(", ", new TreeSet<>(AdminActions.OBJECT_TYPES)));
            }
            LocalDate first = QueryParams.date("from", from);
            LocalDate last = QueryParams.date("to", to);
            if (first != null && last != null && last.isBefore(first)) {
                throw ProblemException.invalidField(400, "to", "must not be before from");
            }
            return new AuditFilter(QueryParams.text("actor", actor, 120), type, id(objectId), first, last, zone);
        }

        private static Long id(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            if (raw.strip().matches("[1-9]\\d{0,17}")) {
                return Long.valueOf(raw.strip());
            }
            throw ProblemException.invalidField(400, "objectId", "must be a positive whole number");
        }
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log", description = "Every successful editor write (who, what, when, from where) and every refused bearer token, "
            + "newest first. Entries are written just after the change commits; the database refuses to change or delete them.")
    @APIResponse(responseCode = "200", description = "One page of entries.")
    public Page<AuditEntryView> list(@BeanParam AuditParams params, @BeanParam PageParams paging) {
        AuditFilter filter = params.filter(zone);
        return log.list(filter, paging.request());
    }

    @GET
    @Path("/audit.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportAuditEntries", summary = "The audit log as CSV (UTF-8 with a byte order mark, for spreadsheet programs)", description = "The same filters as the list, newest first, at most "
            + AuditLog.MAX_EXPORT_ROWS
            + " entries: a filter that matches more is a 400 naming `from`. Times in Asia/Ho_Chi_Minh.")
    @APIResponse(responseCode = "200", description = "One row per entry; changed fields separated by spaces.", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = "\uFEFF"
            + AuditCsv.HEADER
            + "\r\n2024-12-05T11:00+07:00,Phòng Thông tin – Báo chí,editor,3,article,42,publish,,203.0.113.7,POST,/api/v1/admin/articles/42/publish,200\r\n"))
    public Response export(@BeanParam AuditParams params) {
        AuditFilter filter = params.filter(zone);
        log.checkExportable(filter);
        StreamingOutput csv = out -> log.export(filter, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"nhat-ky-" + LocalDate.now(zone) + ".csv\"").build();
    }
}
