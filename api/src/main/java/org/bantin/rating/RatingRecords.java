package org.bantin.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request and response bodies of the rating endpoints. */
public final class RatingRecords {

    private RatingRecords() {
    }

    @Schema(name = "RatingInput")
    public record RatingInput(
            @Schema(description = "Points from 1 to 5, a whole number.", example = "4", required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer score) {
    }

    /** The short form shown with every article: `4,2 điểm (12 đánh giá)`. */
    @Schema(name = "RatingLine", description = "Average points (one decimal, 0 when nobody rated) and number of ratings. "
            + "In article lists and articles it may be up to 6 seconds behind the latest ratings: each API instance keeps "
            + "public reads in memory and reads them anew every 3 seconds while they are in use (clients may also keep them "
            + "as Cache-Control allows). GET /api/v1/articles/{slug}/rating is always exact.")
    public record RatingLine(
            @Schema(example = "4.2", required = true) double average,
            @Schema(example = "12", required = true) long count) {

        public static final RatingLine NONE = new RatingLine(0, 0);

        static RatingLine of(long points, long count) {
            return count == 0 ? NONE : new RatingLine(roundedAverage(points, count), count);
        }
    }

    @Schema(name = "ScoreCounts", description = "How many ratings gave each score.")
    public record ScoreCounts(
            @Schema(example = "1", required = true) @JsonProperty("1") long one,
            @Schema(example = "0", required = true) @JsonProperty("2") long two,
            @Schema(example = "2", required = true) @JsonProperty("3") long three,
            @Schema(example = "3", required = true) @JsonProperty("4") long four,
            @Schema(example = "6", required = true) @JsonProperty("5") long five) {
    }

    @Schema(name = "RatingSummary", description = "The ratings of an article. Exact at once: counts are kept in each rating's own transaction.")
    public record RatingSummary(
            @Schema(description = "Average points, rounded to one decimal; 0 when nobody rated.", example = "4.2", required = true) double average,
            @Schema(example = "12", required = true) long count,
            @Schema(required = true) ScoreCounts distribution,
            @Schema(description = "The score given by the reader whose Voter-Token was sent, if any.", example = "4") Integer myScore) {
    }

    @Schema(name = "RatingDay", description = "Ratings by the day (Asia/Ho_Chi_Minh) they were last given or changed.")
    public record RatingDay(
            @Schema(example = "2023-06-09", required = true) LocalDate date,
            @Schema(example = "7", required = true) long count,
            @Schema(example = "4.3", required = true) double average) {
    }

    @Schema(name = "RatingReset", description = "An editor cleared the article's ratings.")
    public record RatingReset(
            @Schema(example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime resetAt,
            @Schema(example = "Biên tập viên Nguyễn Văn A", required = true) String resetBy,
            @Schema(example = "37", required = true) long ratingsRemoved) {
    }

    @Schema(name = "RatingReport", description = "An article's ratings as editors see them.")
    public record RatingReport(
            @Schema(required = true) RatingSummary summary,
            @Schema(required = true) List<RatingDay> days,
            @Schema(required = true) List<RatingReset> resets) {
    }

    /** Points / count rounded half up to one decimal, as the page shows it (`4,2 điểm`). */
    static double roundedAverage(long points, long count) {
        return BigDecimal.valueOf(points).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
