package org.bantin.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.util.PasswordUtil;

/**
 * A PostgreSQL 17 server run from the zonky binaries jar as a child process of this JVM: it listens on 127.0.0.1
 * only, takes password logins only, and the application logs in as a role that is no superuser.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    static final String SUPERUSER = "bantin";
    static final String APPLICATION_ROLE = "bantin_app";
    private static final String DATABASE = "bantin";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // How long each way of stopping the server (fast, immediate, kill) is given before the next is tried.
    private static final Duration STOP_STEP = Duration.ofSeconds(2);

    // Rewritten on every start, which also secures a data dir made by versions that trusted every local login.
    private static final String CLIENT_AUTHENTICATION = """
            # Written by Bantin on every start: password logins (SCRAM) over TCP from this machine, nothing else.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    // Data dirs made by earlier versions hold the schema as the superuser's: hand it to the application's role.
    private static final String HAND_OVER_SCHEMA = """
            DO $$
            DECLARE
                change text;
            BEGIN
                FOR change IN
                    SELECT format('ALTER TABLE %s OWNER TO bantin_app', c.oid::regclass)
                    FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                      AND c.relowner = 'bantin'::regrole
                      AND NOT EXISTS (SELECT FROM pg_depend d
                                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                    UNION ALL
                    SELECT format('ALTER ROUTINE %s OWNER TO bantin_app', p.oid::regprocedure)
                    FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'bantin'::regrole
                      AND NOT EXISTS (SELECT FROM pg_depend d
                                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE change;
                END LOOP;
            END $$
            """;

    private final Path binaries;
    private final Path log;
    private final Process server;
    private final int port;
    private final PostgresPasswords passwords;
    private boolean closed;

    private EmbeddedPostgres(Path binaries, Path log, Process server, int port, PostgresPasswords passwords) {
        this.binaries = binaries;
        this.log = log;
        this.server = server;
        this.port = port;
        this.passwords = passwords;
    }

    /**
     * Starts (initialising dataDir if empty) a server on 127.0.0.1 at a free port; creates database {@code bantin},
     * owned by the application's role, if missing. Under root the server runs as {@code nobody}, which must be able to
     * reach dataDir. The caller stops it with {@link #close()}.
     */
    public static EmbeddedPostgres start(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path log = data.resolveSibling("postgres.log");
        try {
            Path binaries = PostgresBinaries.extracted();
            PostgresPasswords passwords = PostgresPasswords.loadOrCreate(passwordFile(data));
            prepareDataDir(binaries, data, passwords, log);
            int port = freePort();
            Process server = exec(asServerUser(List.of(binaries.resolve("bin/postgres").toString(),
                    "-D", data.toString(),
                    "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=",
                    "-c", "max_connections=100",
                    "-c", "shared_buffers=64MB")), log);
            EmbeddedPostgres postgres = new EmbeddedPostgres(binaries, log, server, port, passwords);
            try {
                postgres.setUpWhenReady(data);
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

    /** Where the passwords of the server in dataDir are kept: beside it, readable by its owner only. */
    static Path passwordFile(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + ".passwords");
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The application's role: it owns database {@code bantin} and is no superuser. */
    public String username() {
        return APPLICATION_ROLE;
    }

    public String password() {
        return passwords.application();
    }

    /**
     * Fast shutdown, which cuts open sessions rather than awaiting them; then immediate shutdown; then a kill: a server
     * that is stuck, or whose directory is gone, holds the JVM for a few seconds at most.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stopsOn("INT") || stopsOn("QUIT")) {
                return;
            }
            server.destroyForcibly();
            if (server.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("PostgreSQL (pid %d) did not stop when asked, and was killed; see %s", server.pid(), log);
            } else {
                LOG.errorf("PostgreSQL (pid %d) survived a kill; see %s", server.pid(), log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the server a signal through pg_ctl, which needs no data dir, and waits a while for it to exit. */
    private boolean stopsOn(String signal) throws InterruptedException {
        if (!server.isAlive()) {
            return true;
        }
        try {
            Process kill = new ProcessBuilder(asServerUser(List.of(binaries.resolve("bin/pg_ctl").toString(),
                    "kill", signal, String.valueOf(server.pid()))))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD)
                    .start();
            kill.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException binariesGone) {
            // then the next, stronger step
        }
        return server.waitFor(STOP_STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** As the superuser: the application's role (password from the file), its database, and its schema. */
    private void setUpWhenReady(Path data) throws InterruptedException {
        try (Connection connection = awaitConnection(); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE + "'").next()) {
                statement.execute("CREATE ROLE " + APPLICATION_ROLE);
            }
            statement.execute("ALTER ROLE " + APPLICATION_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            statement.execute(PasswordUtil.genAlterUserPasswordSQL(APPLICATION_ROLE,
                    passwords.application().toCharArray(), "scram-sha-256"));
            if (statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                statement.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + APPLICATION_ROLE);
            } else {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + APPLICATION_ROLE);
            }
            try (Connection database = new Driver().connect(jdbcUrl(DATABASE), superuser());
                    Statement inDatabase = database.createStatement()) {
                inDatabase.execute(HAND_OVER_SCHEMA);
            }
            LOG.infof("Embedded PostgreSQL %s ready at %s (user %s; passwords in %s)",
                    connection.getMetaData().getDatabaseProductVersion(), jdbcUrl(), APPLICATION_ROLE, passwordFile(data));
        } catch (SQLException e) {
            throw new IllegalStateException(failure("Could not set up database " + DATABASE), e);
        }
    }

    private Connection awaitConnection() throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                return new Driver().connect(jdbcUrl("postgres"), superuser());
            } catch (SQLException notReadyYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(failure("PostgreSQL did not accept connections"), notReadyYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private Properties superuser() {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", passwords.superuser());
        return credentials;
    }

    private String failure(String message) {
        return message + " (server " + (server.isAlive() ? "running" : "exited") + "); end of " + log + ":\n"
                + tail(log);
    }

    /**
     * Initialises dataDir if empty; then, with no server running on it, allows password logins over TCP only and sets
     * the superuser's password in single-user mode, which needs no login.
     */
    private static void prepareDataDir(Path binaries, Path dataDir, PostgresPasswords passwords, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        if (ThisUser.ROOT) {
            // The server user must own the data dir, which root may have just created or copied in.
            runOrFail("chown", List.of("chown", "-R", "nobody:nogroup", dataDir.toString()), log);
        }
        stopStaleServer(binaries, dataDir, log);
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            runOrFail("initdb", asServerUser(List.of(binaries.resolve("bin/initdb").toString(),
                    "-D", dataDir.toString(),
                    "-U", SUPERUSER,
                    "--auth=reject",
                    "-E", "UTF8",
                    "--locale=C")), log);
        }
        // Written in place, so the file keeps the server user as its owner.
        Files.writeString(dataDir.resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
        Process singleUser = exec(asServerUser(List.of(binaries.resolve("bin/postgres").toString(),
                "--single", "-D", dataDir.toString(), "-c", "exit_on_error=on", "postgres")), log);
        try (OutputStream sql = singleUser.getOutputStream()) {
            // A SCRAM verifier, not the password, reaches the server.
            sql.write((PasswordUtil.genAlterUserPasswordSQL(SUPERUSER, passwords.superuser().toCharArray(), "scram-sha-256")
                    + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (singleUser.waitFor() != 0) {
            throw new IllegalStateException("Could not set the superuser's password; end of " + log + ":\n" + tail(log));
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
        if (!ThisUser.ROOT) {
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

    /** The last lines of the log, with any password statement's secret hidden. */
    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
                    .replaceAll("(?i)(PASSWORD\\s+)'[^']*'", "$1'***'");
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
