package org.bantin.consultation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bantin.http.ProblemException;
import org.bantin.media.DetectedType;
import org.bantin.media.FileTypes;
import org.bantin.media.UnsupportedMediaType;

/**
 * The file a reader attaches to a comment: its type decided from its bytes as for the media library, and only the
 * types a comment needs (documents and photos; no archives or spreadsheets that could hide anything).
 */
final class CommentFiles {

    /** Accepted content types, with the extension a download is named with. */
    private static final Map<String, String> ACCEPTED = Map.of("application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.oasis.opendocument.text", "odt", "image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");
    private static final int MAX_FILE_NAME = 200;

    /** A checked file, read into memory (the request that brought it is at most bantin.max-request-bytes). */
    record CommentFile(String fileName, String contentType, byte[] content) {
    }

    private CommentFiles() {
    }

    static CommentFile checked(Path file, String fileName) {
        DetectedType type;
        try {
            type = FileTypes.detect(file);
        } catch (UnsupportedMediaType e) {
            throw refused(e.getMessage());
        }
        if (!ACCEPTED.containsKey(type.contentType())) {
            throw refused("A " + type.extension().toUpperCase() + " file is not accepted");
        }
        String name = fileName == null || fileName.isBlank() ? "tep-dinh-kem." + type.extension() : fileName.strip();
        try {
            return new CommentFile(name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name,
                    type.contentType(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a staff download gets: never the sender's own, which could be anything. */
    static String downloadName(long commentId, String contentType) {
        return "gop-y-" + commentId + "." + ACCEPTED.getOrDefault(contentType, "bin");
    }

    private static ProblemException refused(String reason) {
        return ProblemException.unsupportedMediaType(reason + "; accepted: PDF, DOCX, ODT, JPEG, PNG and WebP.");
    }
}
