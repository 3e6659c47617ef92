package org.bantin.settings;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.bantin.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of the settings endpoints. */
public final class SettingsRecords {

    static final int MAX_RETENTION_DAYS = 36_500;
    static final int MAX_SECOND_APPROVAL_CATEGORIES = 100;

    private SettingsRecords() {
    }

    /** The settings as a PATCH merges into them; null is a setting's default. */
    record SettingsInput(
            @Min(1) @Max(MAX_RETENTION_DAYS) Integer revisionRetentionDays,
            @Size(max = MAX_SECOND_APPROVAL_CATEGORIES) List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> secondApprovalCategories,
            Boolean webhookPrivateTargets) {
    }

    /** Documents the body of PATCH (RFC 7396); the endpoint reads it as a JSON tree and merges it. */
    @Schema(name = "SettingsPatch", description = "A JSON merge patch of the settings (RFC 7396): only the settings to change. "
            + "A setting set to null goes back to its default.")
    public record SettingsPatch(
            @Schema(nullable = true, description = "Revisions older than this many days are deleted, except those that were published "
                    + "and each content's newest; null (the default) keeps every revision.", minimum = "1", maximum = ""
                            + MAX_RETENTION_DAYS, example = "365") Integer revisionRetentionDays,
            @Schema(nullable = true, description = "Slugs of the categories whose articles need a second approval before they are published; "
                    + "null or empty (the default): none.", maxItems = MAX_SECOND_APPROVAL_CATEGORIES, example = "[\"thong-bao\"]") List<String> secondApprovalCategories,
            @Schema(nullable = true, description = "Whether webhooks may call loopback and private network addresses; null is false (the default).", example = "false") Boolean webhookPrivateTargets) {
    }

    @Schema(name = "Settings", description = "The site's settings, as admins set them.")
    public record SettingsView(
            @Schema(nullable = true, description = "Revisions older than this many days are deleted (hourly), except those that were published "
                    + "and each content's newest; null keeps every revision.", example = "365", required = true) @JsonInclude(JsonInclude.Include.ALWAYS) Integer revisionRetentionDays,
            @Schema(description = "Slugs of the categories whose articles need a second approval before they are published, in alphabetical order. "
                    + "A category's new slug shows here; a deleted category leaves the list.", example = "[\"thong-bao\"]", required = true) List<String> secondApprovalCategories,
            @Schema(description = "Whether webhooks may call loopback and private network addresses.", example = "false", required = true) boolean webhookPrivateTargets,
            @Schema(description = "Increases with every change; send it back as `If-Match` to refuse overwriting someone else's change.", example = "3", required = true) int version,
            @Schema(description = "When an admin last changed them; absent until then.", example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt,
            @Schema(description = "Name of the token that last changed them; absent until then.", example = "Quản trị viên") String updatedBy) {
    }
}
