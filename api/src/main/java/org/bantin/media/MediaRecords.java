package org.bantin.media;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the media endpoints. */
public final class MediaRecords {

    static final int MAX_ALT = 300;
    static final int MAX_CAPTION = 500;
    static final int MAX_CREDIT = 200;
    static final int MAX_FILE_NAME = 255;

    private MediaRecords() {
    }

    @Schema(name = "FocalPoint", description = "The point of an image that crops keep in view, from its left and top edges (0 to 1); the centre by default.")
    public record FocalPointView(
            @Schema(example = "0.5", required = true, minimum = "0", maximum = "1") @NotNull @DecimalMin("0") @DecimalMax("1") Double x,
            @Schema(example = "0.35", required = true, minimum = "0", maximum = "1") @NotNull @DecimalMin("0") @DecimalMax("1") Double y) {
    }

    @Schema(name = "MediaRendition", description = "A file made of an image: a narrower width (JPEG or PNG, and WebP) or the crop for link previews (`og`, 1200 × 630 at most).")
    public record RenditionView(
            @Schema(description = "`w320`, `w640`, `w1024`, `w1600` (never wider than the image), each also as `…-webp`; `og`.", example = "w640", required = true) String name,
            @Schema(example = "640", required = true) int width,
            @Schema(example = "360", required = true) int height,
            @Schema(example = "image/webp", required = true) String contentType,
            @Schema(example = "/api/v1/media/files/5f0c7a1e9b2d4c3a8e6f1b0d9c8a7e6f5d4c3b2a1908f7e6d5c4b3a29180f7e6.webp", required = true) String url,
            @Schema(example = "41872", required = true) long bytes) {
    }

    @Schema(name = "MediaUse", description = "An article that shows the media (in its body or as its cover).")
    public record UseView(
            @Schema(example = "17", required = true) long id,
            @Schema(example = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp", required = true) String title) {
    }

    @Schema(name = "Media", description = "An uploaded image or document.")
    public record MediaView(
            @Schema(example = "12", required = true) long id,
            @Schema(required = true, example = "image", enumeration = {
                    "image", "document"}) String kind,
            @Schema(description = "The name it was uploaded with; documents are downloaded under it.", example = "hoi-nghi-so-ket-cchc.jpg", required = true) String fileName,
            @Schema(description = "Of the file at `url`: decided from the bytes, never from the name or the declared type.", example = "image/jpeg", required = true) String contentType,
            @Schema(description = "Where readers get it: a path on the API unless BANTIN_MEDIA_BASE_URL is set. The name is the file's SHA-256, so the address never changes its content (served immutable). An image's url is a re-encoding without metadata (no EXIF or GPS), at most 2560 px on its long side.", example = "/api/v1/media/files/9b1f0e6a5c4d3b2a19087f6e5d4c3b2a190f8e7d6c5b4a392817f6e5d4c3b2a1.jpg", required = true) String url,
            @Schema(description = "Size of the file at `url`.", example = "345678", required = true) long bytes,
            @Schema(description = "SHA-256 of the bytes as uploaded, hex.", example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", required = true) String sha256,
            @Schema(description = "Of the file at `url`; images only.", example = "2560") Integer width,
            @Schema(description = "Of the file at `url`; images only.", example = "1440") Integer height,
            @Schema(description = "Text alternative for readers who cannot see the image; required before an article that shows the image is published.", example = "Đồng chí Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết công tác cải cách hành chính", required = true) String alt,
            @Schema(example = "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.", required = true) String caption,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String credit,
            @Schema(description = "Images only.") FocalPointView focalPoint,
            @Schema(required = true) List<RenditionView> renditions,
            @Schema(description = "Articles that show it; while any does, it cannot be deleted.", required = true) List<UseView> usedBy,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String createdBy,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt,
            @Schema(example = "Biên tập viên Nguyễn Văn A", required = true) String updatedBy,
            @Schema(description = "Increases with every change; send it back as `If-Match`.", example = "1", required = true) int version){
    }

    /** What an editor says about a file, at upload or later; documented as the multipart form and MediaPatch. */
    public record Metadata(
            @Size(max = MAX_ALT) String alt,
            @Size(max = MAX_CAPTION) String caption,
            @Size(max = MAX_CREDIT) String credit) {
    }

    @Schema(name = "MediaPatch", description = "A JSON merge patch of media (RFC 7396): only the fields to change; null clears a text. A new focal point makes the crops anew.")
    public record MediaPatch(
            @Schema(example = "hoi-nghi-cchc-2023.jpg", maxLength = MAX_FILE_NAME) @Size(min = 1, max = MAX_FILE_NAME) String fileName,
            @Schema(nullable = true, example = "Đồng chí Chủ tịch UBND tỉnh chủ trì hội nghị", maxLength = MAX_ALT) @Size(max = MAX_ALT) String alt,
            @Schema(nullable = true, example = "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.", maxLength = MAX_CAPTION) @Size(max = MAX_CAPTION) String caption,
            @Schema(nullable = true, example = "Phòng Thông tin – Báo chí", maxLength = MAX_CREDIT) @Size(max = MAX_CREDIT) String credit,
            @Valid FocalPointView focalPoint) {
    }
}
