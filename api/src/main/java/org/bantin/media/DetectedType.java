package org.bantin.media;

/** An accepted file type as its bytes show it: `image/jpeg` with extension `jpg`, and so on. */
public record DetectedType(MediaKind kind, String contentType, String extension) {

    static final DetectedType JPEG = new DetectedType(MediaKind.IMAGE, "image/jpeg", "jpg");
    static final DetectedType PNG = new DetectedType(MediaKind.IMAGE, "image/png", "png");
    static final DetectedType WEBP = new DetectedType(MediaKind.IMAGE, "image/webp", "webp");
    static final DetectedType GIF = new DetectedType(MediaKind.IMAGE, "image/gif", "gif");
    static final DetectedType PDF = new DetectedType(MediaKind.DOCUMENT, "application/pdf", "pdf");
    static final DetectedType DOCX = new DetectedType(MediaKind.DOCUMENT,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    static final DetectedType XLSX = new DetectedType(MediaKind.DOCUMENT,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    static final DetectedType ODT = new DetectedType(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.text",
            "odt");
    static final DetectedType ZIP = new DetectedType(MediaKind.DOCUMENT, "application/zip", "zip");
}
