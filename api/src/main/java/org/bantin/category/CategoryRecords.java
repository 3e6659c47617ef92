package org.bantin.category;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.bantin.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the category endpoints. */
public final class CategoryRecords {

    private CategoryRecords() {
    }

    @Schema(name = "CategoryInput")
    public record CategoryInput(
            @Schema(example = "Cải cách hành chính", required = true) @NotBlank @Size(max = 120) String name,
            @Schema(description = "Made from the name when omitted.", example = "cai-cach-hanh-chinh") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits joined by hyphens") String slug,
            @Schema(example = "Tin về cải cách hành chính, thủ tục hành chính và chỉ số hài lòng.") @Size(max = 1000) String description) {
    }

    @Schema(name = "Category", description = "A section of the site, with its number of published articles.")
    public record CategoryView(
            @Schema(example = "cai-cach-hanh-chinh", required = true) String slug,
            @Schema(example = "Cải cách hành chính", required = true) String name,
            @Schema(example = "Tin về cải cách hành chính, thủ tục hành chính và chỉ số hài lòng.", required = true) String description,
            @Schema(description = "Published articles in this category.", example = "12", required = true) long articleCount) {
    }

    @Schema(name = "AdminCategory", description = "A category as editors see it.")
    public record AdminCategoryView(
            @Schema(example = "2", required = true) long id,
            @Schema(example = "cai-cach-hanh-chinh", required = true) String slug,
            @Schema(example = "Cải cách hành chính", required = true) String name,
            @Schema(example = "Tin về cải cách hành chính, thủ tục hành chính và chỉ số hài lòng.", required = true) String description,
            @Schema(description = "Articles in this category, in any state.", example = "14", required = true) long articleCount,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt) {
    }
}
