package org.bantin.media.store;

/** A file in the media store: its key, its content type and its size in bytes. */
public record StoredFile(String key, String contentType, long bytes) {
}
