package org.bantin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bantin.http.ProblemException;

/** An upload on disk while it is checked and stored; gone when closed. */
record TemporaryFile(Path path) implements AutoCloseable {

    /** The body copied to a temporary file as it arrives, refused at the first byte over the limit. */
    static TemporaryFile receive(InputStream body, long maxBytes) {
        TemporaryFile file = create();
        try (OutputStream out = Files.newOutputStream(file.path)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return file;
        } catch (IOException e) {
            file.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    static TemporaryFile create() {
        try {
            return new TemporaryFile(Files.createTempFile("bantin-media-", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException tooLarge(long maxBytes) {
        return ProblemException.tooLarge("The file is larger than " + maxBytes + " bytes (BANTIN_MEDIA_MAX_BYTES).");
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the system's cleaning of its temporary directory takes it
        }
    }
}
