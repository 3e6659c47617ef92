package org.bantin.settings;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.http.IfMatch;
import org.bantin.settings.SettingsRecords.SettingsInput;
import org.bantin.settings.SettingsRecords.SettingsPatch;
import org.bantin.settings.SettingsRecords.SettingsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Admin endpoints for the site's settings. */
@Path("/api/v1/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@Tag(name = "Admin: settings")
public class AdminSettingsResource {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final SettingsService settings;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Validator validator;

    AdminSettingsResource(SettingsService settings, CurrentCaller caller, ObjectMapper json, Validator validator) {
        this.settings = settings;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Operation(operationId = "getSettings", summary = "Get the site's settings", description = "The ETag is the settings' version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The settings.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    public RestResponse<SettingsView> get() {
        return withVersion(settings.get());
    }

    @PATCH
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchSettings", summary = "Change some of the site's settings (JSON merge patch, RFC 7396)", description = "Settings left out stay as they are; "
            + "`null` puts one back to its default. Any invalid value refuses the whole patch.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = SettingsPatch.class)))
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "409", description = "A category of the patch was deleted at the same moment.")
    public RestResponse<SettingsView> patch(
            @Parameter(description = "The version (ETag) the change is based on; another version makes it a 412.") @HeaderParam("If-Match") String ifMatch,
            @NotNull ObjectNode patch) throws JsonProcessingException {
        return withVersion(settings.patch(current -> merged(current, patch), IfMatch.version(ifMatch), caller.get()));
    }

    private static RestResponse<SettingsView> withVersion(SettingsView view) {
        return ResponseBuilder.ok(view).header(HttpHeaders.ETAG, IfMatch.etag(view.version())).build();
    }

    /**
     * RFC 7396 on a flat object: each member of the patch replaces its setting. A null member is read as an absent one,
     * which is the setting's default.
     */
    private SettingsInput merged(SettingsInput current, ObjectNode patch) throws JsonProcessingException {
        ObjectNode target = json.valueToTree(current);
        target.setAll(patch);
        SettingsInput input = json.treeToValue(target, SettingsInput.class);
        Set<ConstraintViolation<SettingsInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
