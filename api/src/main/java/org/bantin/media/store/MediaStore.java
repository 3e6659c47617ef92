package org.bantin.media.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed files: a key is "<sha256 hex>.<ext>" of the bytes (MediaKeys), so a put of a
 * present key is a no-op and a file never changes once stored. Chosen by bantin.media.store
 * (MediaStores).
 */
public interface MediaStore {

    /**
     * Stores the file's bytes under key, streamed from the file. The database store writes in the
     * caller's transaction; the directory store at once (a rolled-back put leaves an unused file).
     */
    void put(String key, String contentType, Path file);

    Optional<StoredFile> find(String key);

    /**
     * The bytes [offset, offset + length) of a stored file, read as they are consumed: a large
     * file is never held in memory whole.
     *
     * @throws java.io.UncheckedIOException when the file is gone or cannot be read
     */
    InputStream open(String key, long offset, long length);

    /**
     * Removes the file. The database store deletes in the caller's transaction; the directory
     * store once it has committed. Either way this instance's memory drops it after the commit,
     * and the others when they hear of it (MediaFileCache).
     */
    void delete(String key);
}
