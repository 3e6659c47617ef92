package org.bantin.survey;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the survey endpoints. */
public final class SurveyRecords {

    static final int MAX_OPTIONS = 20;

    private SurveyRecords() {
    }

    @Schema(name = "SurveyInput", description = "A new survey.")
    public record SurveyInput(
            @Schema(example = "Bạn quan tâm mục gì nhất trong Website của chúng tôi?", required = true) @NotBlank @Size(max = 500) String question,
            @Schema(example = "Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.") @Size(max = 2000) String description,
            @Schema(example = "[\"Tin tức – Sự kiện\", \"Thủ tục hành chính\", \"Văn bản pháp luật\"]", required = true) @NotNull @Size(min = 2, max = MAX_OPTIONS) List<@NotBlank @Size(max = 300) String> options,
            @Schema(description = "Readers may choose several options.", example = "false") boolean multipleChoice,
            @Schema(description = "With multipleChoice: at most this many options per vote (default: all).", example = "2") @Min(2) @Max(MAX_OPTIONS) Integer maxChoices,
            @Schema(description = "Opens by itself at this time.", example = "2024-12-01T00:00:00+07:00") OffsetDateTime opensAt,
            @Schema(description = "Closes by itself at this time.", example = "2024-12-31T23:59:59+07:00") OffsetDateTime closesAt,
            @Schema(required = true, example = "afterVote") @NotNull ResultsVisibility resultsVisibility) {
    }

    @Schema(name = "SurveyUpdate", description = "A survey's settings; its options are changed through their own endpoints.")
    public record SurveyUpdate(
            @Schema(example = "Bạn quan tâm mục gì nhất trong Website của chúng tôi?", required = true) @NotBlank @Size(max = 500) String question,
            @Schema(example = "Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.") @Size(max = 2000) String description,
            @Schema(example = "false") boolean multipleChoice,
            @Schema(example = "2") @Min(2) @Max(MAX_OPTIONS) Integer maxChoices,
            @Schema(example = "2024-12-01T00:00:00+07:00") OffsetDateTime opensAt,
            @Schema(example = "2024-12-31T23:59:59+07:00") OffsetDateTime closesAt,
            @Schema(required = true, example = "afterVote") @NotNull ResultsVisibility resultsVisibility) {
    }

    @Schema(name = "OptionInput")
    public record OptionInput(
            @Schema(example = "Hỏi đáp", required = true) @NotBlank @Size(max = 300) String text) {
    }

    @Schema(name = "OptionOrder", description = "Every option id of the survey, in the new order.")
    public record OptionOrder(
            @Schema(example = "[12, 10, 11]", required = true) @NotEmpty @Size(max = MAX_OPTIONS) List<@NotNull Long> optionIds) {
    }

    @Schema(name = "VoteInput")
    public record VoteInput(
            @Schema(description = "The chosen options: one, or up to maxChoices for a multiple-choice survey.", example = "[10]", required = true) @NotEmpty @Size(max = MAX_OPTIONS) List<@NotNull Long> optionIds) {
    }

    @Schema(name = "SurveyOption")
    public record OptionView(
            @Schema(example = "10", required = true) long id,
            @Schema(example = "Tin tức – Sự kiện", required = true) String text) {

        static OptionView of(SurveyOption option) {
            return new OptionView(option.id, option.text);
        }
    }

    @Schema(name = "Survey", description = "A survey as readers see it.")
    public record SurveyView(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "Bạn quan tâm mục gì nhất trong Website của chúng tôi?", required = true) String question,
            @Schema(example = "Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.", required = true) String description,
            @Schema(required = true) List<OptionView> options,
            @Schema(example = "false", required = true) boolean multipleChoice,
            @Schema(description = "How many options one vote may choose (1 unless multipleChoice).", example = "1", required = true) int maxChoices,
            @Schema(example = "open", required = true) SurveyState state,
            @Schema(example = "2024-12-01T00:00:00Z") OffsetDateTime opensAt,
            @Schema(example = "2024-12-31T16:59:59Z") OffsetDateTime closesAt,
            @Schema(example = "afterVote", required = true) ResultsVisibility resultsVisibility,
            @Schema(description = "With a Voter-Token: the options this reader chose; absent if the reader has not voted.", example = "[10]") List<Long> myVote) {
    }

    @Schema(name = "AdminSurvey", description = "A survey as editors see it, with its results.")
    public record AdminSurveyView(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "Bạn quan tâm mục gì nhất trong Website của chúng tôi?", required = true) String question,
            @Schema(example = "Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.", required = true) String description,
            @Schema(required = true) List<OptionView> options,
            @Schema(example = "false", required = true) boolean multipleChoice,
            @Schema(example = "2") Integer maxChoices,
            @Schema(example = "open", required = true) SurveyState state,
            @Schema(example = "2024-12-01T00:00:00Z") OffsetDateTime opensAt,
            @Schema(example = "2024-12-31T16:59:59Z") OffsetDateTime closesAt,
            @Schema(example = "afterVote", required = true) ResultsVisibility resultsVisibility,
            @Schema(required = true) SurveyResults results,
            @Schema(example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime createdAt,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String createdBy,
            @Schema(example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime updatedAt,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String updatedBy) {
    }

    @Schema(name = "OptionResult")
    public record OptionResult(
            @Schema(example = "10", required = true) long id,
            @Schema(example = "Tin tức – Sự kiện", required = true) String text,
            @Schema(example = "42", required = true) long votes,
            @Schema(description = "Share of voters who chose it, one decimal; for multiple choice the shares add up to more than 100.", example = "35.6", required = true) double percent) {
    }

    @Schema(name = "SurveyResults", description = "Exact counts: kept in each vote's own transaction.")
    public record SurveyResults(
            @Schema(example = "3", required = true) long surveyId,
            @Schema(description = "Readers who voted.", example = "118", required = true) long totalVoters,
            @Schema(required = true) List<OptionResult> options) {
    }

    @Schema(name = "VoteReceipt", description = "The vote is counted. The results come with it when the survey lets this reader see them: "
            + "they include this vote; others' votes of the last second may be missing (GET …/results is exact).")
    public record VoteReceipt(
            @Schema(example = "3", required = true) long surveyId,
            @Schema(required = true, example = "[10]") List<Long> optionIds,
            SurveyResults results) {
    }
}
