package org.bantin.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.bantin.content.ReviewRecords.ReviewComment;
import org.bantin.media.LibraryImage;
import org.bantin.rating.RatingRecords.RatingLine;
import org.bantin.text.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Request and response bodies of the article endpoints. */
public final class ArticleRecords {

    static final int MAX_BODY_LENGTH = 500_000;

    private ArticleRecords() {
    }

    @Schema(name = "ArticleInput", description = "An article as an editor writes it.")
    public record ArticleInput(
            @Schema(example = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp", required = true) @NotBlank @Size(max = 300) String title,
            @Schema(description = "Made from the title when omitted on create (a taken one gets a numeric suffix); kept when omitted on update. A taken explicit slug is a 409.", example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits joined by hyphens") String slug,
            @Schema(description = "Lead paragraph, plain text.", example = "Sáng 8/6, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình tổ chức hội nghị sơ kết công tác Cải cách hành chính 6 tháng đầu năm.") @Size(max = 2000) String summary,
            @Schema(description = "HTML; sanitised against an allow-list (paragraphs, headings, lists, links, emphasis, tables, blockquote, figure/img/figcaption).", example = "<p>Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.</p><figure><img src=\"/media/demo/cai-cach-hanh-chinh-hoi-nghi.svg\" alt=\"Hội nghị\"><figcaption>Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.</figcaption></figure>") @Size(max = MAX_BODY_LENGTH) String body,
            @Schema(description = "Slug of an existing category.", example = "cai-cach-hanh-chinh", required = true) @NotBlank @Size(max = Slugs.MAX_LENGTH) String category,
            @Schema(example = "[\"cải cách hành chính\", \"CCHC\"]") @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
            @Valid CoverImage coverImage,
            @Schema(description = "Byline; the token's name when omitted.", example = "Phòng Thông tin – Báo chí") @Size(max = 120) String author) {
    }

    /** Documents the body of PATCH (RFC 7396); the endpoint reads it as a JSON tree and merges it. */
    @Schema(name = "ArticlePatch", description = "A JSON merge patch of an article (RFC 7396): only the fields to change. "
            + "A field set to null is cleared; title and category cannot be cleared.")
    public record ArticlePatch(
            @Schema(example = "Đẩy mạnh cải cách hành chính năm 2024", maxLength = 300) String title,
            @Schema(nullable = true, example = "day-manh-cai-cach-hanh-chinh-nam-2024", maxLength = Slugs.MAX_LENGTH) String slug,
            @Schema(nullable = true, example = "Tóm tắt mới.", maxLength = 2000) String summary,
            @Schema(nullable = true, example = "<p>Nội dung mới.</p>") String body,
            @Schema(example = "cai-cach-hanh-chinh") String category,
            @Schema(nullable = true, example = "[\"CCHC\"]") List<String> tags,
            @Schema(nullable = true) CoverImage coverImage,
            @Schema(nullable = true, example = "Phòng Thông tin – Báo chí", maxLength = 120) String author) {
    }

    /** The read-only fields of a cover as read (CoverView) are ignored, so that an article read can be sent back. */
    @Schema(name = "CoverImage", description = "The cover as an editor sets it: an image of the media library (`mediaId`), or a picture hosted elsewhere (`url`).")
    @JsonIgnoreProperties({"width", "height", "credit", "srcset", "webpSrcset", "ogImage"})
    public record CoverImage(
            @Schema(description = "Absolute http(s) URL or a path on the site; not needed with mediaId (a url of the library is taken as its media).", example = "/media/demo/cai-cach-hanh-chinh-hoi-nghi.svg") @Size(max = 1000) @Pattern(regexp = "^(https?://|/)\\S*$", message = "must be an http(s) URL or a path starting with /") String url,
            @Schema(description = "An image of the media library; its alt text is the library's, its caption too unless given here.", example = "12") Long mediaId,
            @Schema(description = "For a picture hosted elsewhere (a library image's alt text is the library's).", example = "Hội nghị sơ kết công tác cải cách hành chính") @Size(max = 300) String alt,
            @Schema(example = "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.") @Size(max = 500) String caption) {
    }

    @Schema(name = "Cover", description = "An article's cover as readers get it. For an image of the media library, also its size and renditions: "
            + "`<picture><source type=\"image/webp\" srcset=webpSrcset><img src=url srcset=srcset width height alt></picture>`.")
    public record CoverView(
            @Schema(example = "/api/v1/media/files/9b1f0e6a5c4d3b2a19087f6e5d4c3b2a190f8e7d6c5b4a392817f6e5d4c3b2a1.jpg", required = true) String url,
            @Schema(example = "Hội nghị sơ kết công tác cải cách hành chính") String alt,
            @Schema(example = "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.") String caption,
            @Schema(description = "Set for an image of the media library.", example = "12") Long mediaId,
            @Schema(description = "Of the image at url (library images).", example = "1600") Integer width,
            @Schema(description = "Of the image at url (library images).", example = "900") Integer height,
            @Schema(example = "Phòng Thông tin – Báo chí") String credit,
            @Schema(description = "JPEG (or PNG) widths, narrowest first, the image at url last.", example = "/api/v1/media/files/1c0e….jpg 320w, /api/v1/media/files/9b1f….jpg 1600w") String srcset,
            @Schema(description = "WebP widths.", example = "/api/v1/media/files/7d2a….webp 320w") String webpSrcset,
            @Schema(description = "A 1200 × 630 crop around the focal point, for link previews (og:image).", example = "/api/v1/media/files/4e5f….jpg") String ogImage) {

        static CoverView of(Article article, Map<Long, LibraryImage> images) {
            LibraryImage image = article.coverMediaId == null ? null : images.get(article.coverMediaId);
            if (image == null) {
                return article.coverUrl == null
                        ? null
                        : new CoverView(article.coverUrl, article.coverAlt, article.coverCaption, null, null, null, null, null,
                                null, null);
            }
            return new CoverView(image.url(), blankToNull(image.alt()),
                    orElse(article.coverCaption, image.caption()),
                    image.id(), image.width(), image.height(), blankToNull(image.credit()), image.srcset(), image.webpSrcset(),
                    image.ogImage());
        }

        private static String orElse(String own, String library) {
            return own == null || own.isBlank() ? blankToNull(library) : own;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    @Schema(name = "CategoryRef")
    public record CategoryRef(
            @Schema(example = "cai-cach-hanh-chinh", required = true) String slug,
            @Schema(example = "Cải cách hành chính", required = true) String name) {
    }

    @Schema(name = "PendingVersion", description = "Changes to a live article waiting beside it until they are published.")
    public record PendingVersion(
            @Schema(description = "The revision that holds them.", example = "7", required = true) int revision,
            @Schema(description = "draft, in_review, changes_requested or approved.", example = "in_review", required = true) ArticleState state) {
    }

    @Schema(name = "PublishRequest", description = "Empty body: publish now. With publishAt: publish at that time (scheduled while it is in the future). "
            + "With unpublishAt: readers see it until then (expired from then on).")
    public record PublishRequest(
            @Schema(example = "2026-12-01T08:00:00+07:00") OffsetDateTime publishAt,
            @Schema(description = "After the publish time; omitted: no expiry.", example = "2026-12-31T17:00:00+07:00") OffsetDateTime unpublishAt) {
    }

    @Schema(name = "ArticleSummary", description = "An article in a list: everything but the body.")
    public record ArticleSummary(
            @Schema(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep", required = true) String slug,
            @Schema(example = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp", required = true) String title,
            @Schema(example = "Sáng 8/6, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình tổ chức hội nghị sơ kết.", required = true) String summary,
            CoverView coverImage,
            @Schema(required = true) CategoryRef category,
            @Schema(required = true, example = "[\"cải cách hành chính\", \"CCHC\"]") List<String> tags,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String author,
            @Schema(example = "2023-06-09T01:30:00Z", required = true) OffsetDateTime publishedAt,
            @Schema(required = true) RatingLine rating) {

        static ArticleSummary of(Article article, RatingLine rating, Map<Long, LibraryImage> images) {
            return new ArticleSummary(article.slug, article.title, article.summary, CoverView.of(article, images),
                    categoryOf(article),
                    article.tags, article.authorName, article.publishedAt, rating);
        }
    }

    @Schema(name = "Article", description = "A published article.")
    public record ArticleView(
            @Schema(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep", required = true) String slug,
            @Schema(example = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp", required = true) String title,
            @Schema(example = "Sáng 8/6, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình tổ chức hội nghị sơ kết.", required = true) String summary,
            @Schema(description = "Sanitised HTML. Images of the media library come as `<figure><picture><source type=\"image/webp\" srcset sizes><img src srcset sizes width height alt loading=\"lazy\"></picture><figcaption>`.", example = "<p>Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.</p>", required = true) String body,
            CoverView coverImage,
            @Schema(required = true) CategoryRef category,
            @Schema(required = true, example = "[\"cải cách hành chính\", \"CCHC\"]") List<String> tags,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String author,
            @Schema(example = "2023-06-09T01:30:00Z", required = true) OffsetDateTime publishedAt,
            @Schema(example = "2023-06-09T02:00:00Z", required = true) OffsetDateTime updatedAt,
            @Schema(required = true) RatingLine rating) {

        static ArticleView of(Article article, RatingLine rating, Map<Long, LibraryImage> images) {
            return of(article, rating, images, article.publishedAt);
        }

        /** As readers would get it if it were published at publishedAt (a preview of a draft). */
        static ArticleView of(Article article, RatingLine rating, Map<Long, LibraryImage> images, OffsetDateTime publishedAt) {
            return new ArticleView(article.slug, article.title, article.summary, BodyMedia.render(article.body, images),
                    CoverView.of(article, images), categoryOf(article), article.tags, article.authorName, publishedAt,
                    article.updatedAt, rating);
        }
    }

    @Schema(name = "AdminArticle", description = "An article in any state, as editors see it, with who made and changed it.")
    public record AdminArticleView(
            @Schema(example = "17", required = true) long id,
            @Schema(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep", required = true) String slug,
            @Schema(example = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp", required = true) String title,
            @Schema(example = "Sáng 8/6, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình tổ chức hội nghị sơ kết.", required = true) String summary,
            @Schema(description = "As saved: images of the media library carry `data-media-id`.", example = "<p>Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.</p>", required = true) String body,
            CoverView coverImage,
            @Schema(required = true) CategoryRef category,
            @Schema(required = true, example = "[\"cải cách hành chính\", \"CCHC\"]") List<String> tags,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String author,
            @Schema(required = true, description = "draft, in_review, changes_requested or approved: not live yet, where the article stands in review; "
                    + "scheduled or published: live (its pending version, if any, has its own state).", example = "published") ArticleState state,
            @Schema(description = "Of a live article: its changes not published yet (the content fields here show them; readers still see the live version).") PendingVersion pending,
            @Schema(description = "When the working copy was last submitted for review.", example = "2026-12-02T08:00:00Z") OffsetDateTime submittedAt,
            @Schema(description = "Name of the editor who approved it first, where its category needs a second editor to publish.", example = "Biên tập viên Nguyễn Văn A") String approvedBy,
            @Schema(description = "The editor's last request for changes.") ReviewComment reviewComment,
            @Schema(description = "Set when published or scheduled.", example = "2023-06-09T01:30:00Z") OffsetDateTime publishedAt,
            @Schema(description = "When readers stop seeing it (then its state is `expired`); not set: never.", example = "2023-12-31T17:00:00Z") OffsetDateTime unpublishAt,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(description = "Name of the token that created it.", example = "Phòng Thông tin – Báo chí", required = true) String createdBy,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt,
            @Schema(description = "Name of the token that last changed it.", example = "Biên tập viên Nguyễn Văn A", required = true) String updatedBy,
            @Schema(description = "Increases with every change; send it back as `If-Match` to refuse overwriting someone else's change.", example = "3", required = true) int version) {

        /** Of an article's working copy (ArticleService.working). */
        static AdminArticleView of(Article article, OffsetDateTime now, Map<Long, LibraryImage> images) {
            return new AdminArticleView(article.id, article.slug, article.title, article.summary, article.body,
                    CoverView.of(article, images), categoryOf(article), article.tags, article.authorName, article.state(now),
                    article.pendingRevision == null
                            ? null
                            : new PendingVersion(article.pendingRevision, ArticleState.of(article.review)),
                    article.submittedAt, article.approvedBy,
                    ReviewComment.of(article),
                    article.publishedAt, article.unpublishAt, article.createdAt, article.createdBy, article.updatedAt,
                    article.updatedBy,
                    article.version);
        }
    }

    private static CategoryRef categoryOf(Article article) {
        return new CategoryRef(article.category.slug, article.category.name);
    }
}
