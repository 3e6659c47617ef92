package org.bantin.media;

import java.nio.charset.StandardCharsets;

import org.bantin.http.PublicResponses;
import org.bantin.media.MediaFileReads.Found;
import org.bantin.media.store.MediaKeys;

/**
 * What a GET or HEAD of a found file is answered with, whoever writes it (MediaFileRoute from
 * memory, MediaFileResource from the store): 200, 206 or 304, the part of the file to send, and
 * the headers that are not the same for every file.
 *
 * @param disposition the Content-Disposition, null for an image (shown inline)
 * @param contentRange the Content-Range of a 206, else null
 */
record FileReply(int status, long first, long length, String etag, String contentType, String disposition,
        String contentRange) {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    /** @throws org.bantin.http.ProblemException (416) for a range past the end */
    static FileReply of(Found found, String ifNoneMatch, String range, String ifRange) {
        String key = found.file().key();
        String etag = '"' + MediaKeys.sha256Of(key) + '"';
        String disposition = found.downloadName() == null
                ? null
                : "attachment; filename*=UTF-8''" + encoded(found.downloadName());
        long size = found.file().bytes();
        if (PublicResponses.matches(ifNoneMatch, etag)) {
            return new FileReply(304, 0, 0, etag, found.file().contentType(), disposition, null);
        }
        ByteRange bytes = ByteRange.of(range, ifRange, etag, size);
        return bytes == null
                ? new FileReply(200, 0, size, etag, found.file().contentType(), disposition, null)
                : new FileReply(206, bytes.first(), bytes.length(), etag, found.file().contentType(), disposition,
                        "bytes " + bytes.first() + "-" + bytes.last() + "/" + size);
    }

    boolean hasBody() {
        return status != 304 && length > 0;
    }

    /** RFC 8187's value-chars: UTF-8, with everything but letters, digits and !#$&+-.^_`|~ percent-encoded. */
    static String encoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
