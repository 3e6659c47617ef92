package org.bantin.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Files in a directory (bantin.media.directory), sharded by the first bytes of the hash as
 * ab/cd/<key> so that no directory grows huge. A file is written under a temporary name and
 * renamed: a reader sees all of it or nothing. The content type follows from the key's
 * extension. Deletion waits for the caller's commit (a rollback keeps the file in use), checks
 * under the key's lock that no identical upload took the file up meanwhile, and then tells the
 * other instances through the database, as the database store's trigger does.
 */
@Singleton
@Typed(DirectoryMediaStore.class)
class DirectoryMediaStore implements MediaStore {

    private static final Logger LOG = Logger.getLogger(DirectoryMediaStore.class);

    /** The types the media library stores (org.bantin.media.FileTypes), by extension. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "jpg", "image/jpeg",
            "png", "image/png",
            "webp", "image/webp",
            "gif", "image/gif",
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "odt", "application/vnd.oasis.opendocument.text",
            "zip", "application/zip");

    private final Path root;
    private final KeyUsers users;
    private final MediaFileCache cache;
    private final AfterCommit afterCommit;

    DirectoryMediaStore(@ConfigProperty(name = "bantin.media.directory") Optional<Path> root, KeyUsers users,
            MediaFileCache cache, AfterCommit afterCommit) {
        this.root = root.orElseThrow(() -> new IllegalStateException(
                "bantin.media.store=directory needs bantin.media.directory (BANTIN_MEDIA_DIRECTORY)"));
        this.users = users;
        this.cache = cache;
        this.afterCommit = afterCommit;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pathOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    /** Hashed while copied, synced, then renamed into place. */
    @Override
    public void put(String key, String contentType, Path file) {
        String expected = CONTENT_TYPES.get(MediaKeys.extensionOf(key));
        if (!contentType.equals(expected)) {
            throw new IllegalArgumentException("The directory store keeps " + key + " as " + expected + ", not " + contentType);
        }
        Path target = pathOf(key);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + key, ".part");
            MessageDigest digest = MediaKeys.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            if (!MediaKeys.of(digest.digest(), MediaKeys.extensionOf(key)).equals(key)) {
                throw new IllegalArgumentException("The file's bytes do not match the key " + key);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    @Override
    public Optional<StoredFile> find(String key) {
        String contentType = CONTENT_TYPES.get(MediaKeys.extensionOf(key));
        try {
            return contentType == null
                    ? Optional.empty()
                    : Optional.of(new StoredFile(key, contentType, Files.size(pathOf(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ).position(offset);
            return new InputStream() {

                private final InputStream in = Channels.newInputStream(channel);
                private long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] target, int offset, int count) throws IOException {
                    if (left == 0) {
                        return -1;
                    }
                    int read = in.read(target, offset, (int) Math.min(count, left));
                    if (read < 0) {
                        throw new IOException("The media file " + key + " is shorter than its size");
                    }
                    left -= read;
                    return read;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        afterCommit.run(() -> users.deleteUnlessUsed(key, () -> {
            try {
                Files.deleteIfExists(pathOf(key));
            } catch (IOException e) {
                LOG.warnf("The deleted media file %s stays on disk: %s", key, e.getMessage());
            }
            cache.evict(key); // after the file is gone, so that no read puts it back
        }));
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // already renamed, or left for the operator: a .part file is never served
            }
        }
    }
}
