package org.bantin.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.bantin.media.store.MediaKeys;
import org.bantin.media.store.MediaStore;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Files put into a MediaStore as an upload will: from a file on disk, in a transaction of their own. */
final class MediaFiles {

    private static final Random RANDOM = new Random();

    private MediaFiles() {
    }

    /** Bytes no other test stores: random after a header of the type's own (a PNG's, a PDF's). */
    static byte[] bytes(int size, String header) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        byte[] start = header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(start, 0, bytes, 0, Math.min(start.length, size));
        return bytes;
    }

    /** Stores bytes under their key and returns the key. */
    static String put(MediaStore store, byte[] bytes, String extension, String contentType) {
        try {
            Path file = Files.createTempFile("media", "." + extension);
            try {
                Files.write(file, bytes);
                String key = MediaKeys.of(file, extension);
                QuarkusTransaction.requiringNew().run(() -> store.put(key, contentType, file));
                return key;
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
