package org.bantin.survey;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.SpreadsheetCells;
import org.bantin.survey.SurveyRecords.AdminSurveyView;
import org.bantin.survey.SurveyRecords.OptionInput;
import org.bantin.survey.SurveyRecords.OptionOrder;
import org.bantin.survey.SurveyRecords.OptionView;
import org.bantin.survey.SurveyRecords.SurveyInput;
import org.bantin.survey.SurveyRecords.SurveyUpdate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editor endpoints for surveys: settings, options, opening and closing, results. */
@Path("/api/v1/admin/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: surveys")
public class AdminSurveyResource {

    private final SurveyService surveys;
    private final CurrentCaller caller;

    AdminSurveyResource(SurveyService surveys, CurrentCaller caller) {
        this.surveys = surveys;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createSurvey", summary = "Create a survey (a draft until opened)")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminSurveyView.class)))
    public RestResponse<AdminSurveyView> create(@Valid @NotNull SurveyInput input) {
        AdminSurveyView created = surveys.create(input, caller.get());
        return RestResponse.ResponseBuilder.<AdminSurveyView>created(URI.create("/api/v1/admin/surveys/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "adminListSurveys", summary = "List surveys in any state, with results", description = "Most recently changed first.")
    public Page<AdminSurveyView> list(@BeanParam PageParams paging) {
        return surveys.list(paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetSurvey", summary = "Get a survey in any state, with results")
    public AdminSurveyView get(@PathParam("id") long id) {
        return surveys.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateSurvey", summary = "Replace a survey's settings", description = "Options are changed through their own endpoints.")
    public AdminSurveyView update(@PathParam("id") long id, @Valid @NotNull SurveyUpdate input) {
        return surveys.update(id, input, caller.get());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSurvey", summary = "Delete a survey with its votes")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id) {
        surveys.delete(id);
    }

    @POST
    @Path("/{id}/open")
    @Operation(operationId = "openSurvey", summary = "Open a survey now", description = "A closing time already past is cleared, so that it stays open.")
    public AdminSurveyView open(@PathParam("id") long id) {
        return surveys.open(id, caller.get());
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeSurvey", summary = "Close a survey now")
    public AdminSurveyView close(@PathParam("id") long id) {
        return surveys.close(id, caller.get());
    }

    @POST
    @Path("/{id}/options")
    @Operation(operationId = "addSurveyOption", summary = "Add an option at the end")
    @APIResponse(responseCode = "201", description = "Added.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OptionView.class)))
    @APIResponse(responseCode = "409", description = "The survey already has the most options allowed (20).")
    public RestResponse<OptionView> addOption(@PathParam("id") long id, @Valid @NotNull OptionInput input) {
        OptionView option = surveys.addOption(id, input, caller.get());
        return RestResponse.status(RestResponse.Status.CREATED, option);
    }

    @PUT
    @Path("/{id}/options/{optionId}")
    @Operation(operationId = "editSurveyOption", summary = "Change an option's text")
    public OptionView editOption(@PathParam("id") long id, @PathParam("optionId") long optionId,
            @Valid @NotNull OptionInput input) {
        return surveys.editOption(id, optionId, input, caller.get());
    }

    @DELETE
    @Path("/{id}/options/{optionId}")
    @Operation(operationId = "removeSurveyOption", summary = "Remove an option that has no votes")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "409", description = "The option has votes, or the survey would have fewer than 2 options.")
    public void removeOption(@PathParam("id") long id, @PathParam("optionId") long optionId) {
        surveys.removeOption(id, optionId, caller.get());
    }

    @PUT
    @Path("/{id}/options/order")
    @Operation(operationId = "reorderSurveyOptions", summary = "Put the options in a new order")
    public AdminSurveyView reorder(@PathParam("id") long id, @Valid @NotNull OptionOrder order) {
        return surveys.reorder(id, order, caller.get());
    }

    @GET
    @Path("/{id}/results.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportSurveyResults", summary = "Results as CSV (UTF-8 with a byte order mark, for spreadsheet programs)")
    @APIResponse(responseCode = "200", description = "One row per option: text, votes, percent of voters; then the number of voters.", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = "\uFEFFPhương án,Số phiếu,Tỷ lệ (%)\r\nTin tức – Sự kiện,42,35.6\r\nTổng số người tham gia,118,\r\n"))
    public RestResponse<String> exportResults(@PathParam("id") long id) {
        String csv = SpreadsheetCells.BYTE_ORDER_MARK + SurveyCsv.of(surveys.resultsOf(id));
        return RestResponse.ResponseBuilder.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"khao-sat-" + id + ".csv\"").build();
    }
}
