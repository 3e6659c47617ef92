package org.bantin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.bantin.media.store.DownloadNames;
import org.bantin.media.store.MediaFileCache;
import org.bantin.media.store.MediaFileCache.CachedFile;
import org.bantin.media.store.MediaStore;
import org.bantin.media.store.StoredFile;

import io.vertx.core.buffer.Buffer;

/** The files the public address serves: from memory when held there, else from the store (then held, when small). */
@ApplicationScoped
class MediaFileReads {

    /**
     * A file to serve, the name it downloads as (null for an image, shown inline) and its bytes
     * when they are in memory (null for a large file, streamed from the store).
     */
    record Found(StoredFile file, String downloadName, Buffer bytes) {

        static Found of(CachedFile cached) {
            return new Found(cached.file(), cached.downloadName(), cached.bytes());
        }
    }

    private final MediaStore store;
    private final MediaFileCache cache;
    private final DownloadNames names;

    MediaFileReads(MediaStore store, MediaFileCache cache, DownloadNames names) {
        this.store = store;
        this.cache = cache;
        this.names = names;
    }

    /** Without blocking: null when the file is not in memory. */
    Found inMemory(String key) {
        CachedFile cached = cache.get(key);
        return cached == null ? null : Found.of(cached);
    }

    /** Blocking: from memory, else from the store, holding a small file's bytes in memory. */
    @ActivateRequestContext
    Optional<Found> read(String key) {
        Found held = inMemory(key);
        if (held != null) {
            return Optional.of(held);
        }
        long mark = cache.mark();
        Optional<StoredFile> stored = store.find(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredFile file = stored.get();
        String downloadName = file.contentType().startsWith("image/") ? null : names.of(key).orElse(key);
        if (!cache.keeps(file.bytes())) {
            return Optional.of(new Found(file, downloadName, null));
        }
        byte[] bytes;
        try (InputStream in = store.open(key, 0, file.bytes())) {
            bytes = in.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            if (store.find(key).isEmpty()) {
                return Optional.empty(); // deleted while it was read
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (UncheckedIOException) e;
        }
        return Optional.of(Found.of(cache.put(file, downloadName, bytes, mark)));
    }

    /** Blocking as it is read: bytes [offset, offset + length) of a stored file. */
    InputStream open(String key, long offset, long length) {
        return store.open(key, offset, length);
    }
}
