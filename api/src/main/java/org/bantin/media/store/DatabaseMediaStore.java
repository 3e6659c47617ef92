package org.bantin.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Files in PostgreSQL (migration V18): a row in media_files and the bytes in media_file_chunks,
 * 1 MiB each. Writes go through the pool's connection of the caller's transaction, so a put or
 * delete commits or rolls back with the caller's other changes. Reads take a connection per
 * chunk, so a slow client holds no connection while its download goes on.
 */
@Singleton
@Typed(DatabaseMediaStore.class)
class DatabaseMediaStore implements MediaStore {

    static final int CHUNK_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final MediaFileCache cache;
    private final AfterCommit afterCommit;

    DatabaseMediaStore(DataSource dataSource, MediaFileCache cache, AfterCommit afterCommit) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.afterCommit = afterCommit;
    }

    /** A key already stored, or being stored by a transaction that then commits, is left as it is. */
    @Override
    @Transactional
    public void put(String key, String contentType, Path file) {
        MessageDigest digest = MediaKeys.sha256();
        try (Connection connection = dataSource.getConnection();
                InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            long size = Files.size(file);
            try (PreparedStatement row = connection.prepareStatement(
                    "INSERT INTO media_files (key, content_type, bytes) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
                row.setString(1, key);
                row.setString(2, contentType);
                row.setLong(3, size);
                if (row.executeUpdate() == 0) {
                    return;
                }
            }
            long written = writeChunks(connection, key, in);
            if (written != size || !MediaKeys.of(digest.digest(), MediaKeys.extensionOf(key)).equals(key)) {
                throw new IllegalArgumentException("The file's bytes do not match the key " + key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + key + " failed", e);
        }
    }

    /** One INSERT per chunk: only one chunk is in memory at a time. */
    private static long writeChunks(Connection connection, String key, InputStream in) throws SQLException, IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO media_file_chunks (key, seq, data) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            for (int seq = 0;; seq++) {
                int read = in.readNBytes(chunk, 0, CHUNK_BYTES);
                if (read == 0) {
                    return written;
                }
                insert.setInt(2, seq);
                insert.setBytes(3, read == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, read));
                insert.executeUpdate();
                written += read;
                if (read < CHUNK_BYTES) {
                    return written;
                }
            }
        }
    }

    @Override
    public Optional<StoredFile> find(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT content_type, bytes FROM media_files WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredFile(key, row.getString(1), row.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Finding " + key + " failed", e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        return new ChunkedInputStream(key, offset, offset + length);
    }

    /** Reads the chunks as they are consumed, each from the part of it in the range. */
    private final class ChunkedInputStream extends InputStream {

        private final String key;
        private final long end;
        private long position;
        private byte[] chunk = new byte[0];
        private int next;

        ChunkedInputStream(String key, long start, long end) {
            this.key = key;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (next == chunk.length) {
                if (position == end) {
                    return -1;
                }
                int count = (int) Math.min(end - position, CHUNK_BYTES - position % CHUNK_BYTES);
                chunk = readChunk(key, position, count);
                next = 0;
                position += count;
            }
            int copied = Math.min(length, chunk.length - next);
            System.arraycopy(chunk, next, target, offset, copied);
            next += copied;
            return copied;
        }
    }

    /** count bytes from position, all within one chunk: only those TOAST slices are read (V18). */
    private byte[] readChunk(String key, long position, int count) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT substring(data FROM ? FOR ?) FROM media_file_chunks WHERE key = ? AND seq = ?")) {
            query.setInt(1, (int) (position % CHUNK_BYTES) + 1);
            query.setInt(2, count);
            query.setString(3, key);
            query.setInt(4, (int) (position / CHUNK_BYTES));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("The media file " + key + " is gone");
                }
                byte[] bytes = row.getBytes(1);
                if (bytes.length != count) {
                    throw new IOException("The media file " + key + " is shorter than its size");
                }
                return bytes;
            }
        } catch (SQLException e) {
            throw new IOException("Reading " + key + " failed", e);
        }
    }

    @Override
    @Transactional
    public void delete(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM media_files WHERE key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting " + key + " failed", e);
        }
        afterCommit.run(() -> cache.evict(key));
    }
}
