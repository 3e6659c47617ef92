package org.bantin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bantin.support.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM ends the process within the bound (10 s by default), whatever its database does. */
class ShutdownBoundTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path tempDir;

    Path dataDir;

    @BeforeEach
    void serverUserCanEnter() throws IOException {
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dataDir = tempDir.resolve("postgres");
    }

    @Test
    void aStuckDatabaseWhoseDirectoryIsGoneHoldsTheProcessForSecondsOnly() throws Exception {
        try (ChildJvm child = ChildJvm.start(ShutdownFixture.class, Map.of("BANTIN_EMBEDDED_DB_DIR", dataDir.toString()),
                List.of())) {
            child.awaitLine("ready", START);
            long postgres = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            try {
                assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(postgres)).start().waitFor());
                deleteTree(dataDir);

                long started = System.nanoTime();
                child.terminate();
                boolean exited = child.process().waitFor(10, TimeUnit.SECONDS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.println("exited " + millis + " ms after SIGTERM");
                assertTrue(exited, "still running 10 s after SIGTERM; output:\n" + child.output());
                assertTrue(millis < 9_000, "took " + millis + " ms, so the watchdog, not the stop, ended it");
                assertFalse(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL still runs");
                assertSecretsNotIn(child.output());
            } finally {
                new ProcessBuilder("kill", "-KILL", String.valueOf(postgres)).start().waitFor();
            }
        }
    }

    @Test
    void aShutdownHookThatHangsIsCutOffAtTheBound() throws Exception {
        try (ChildJvm child = ChildJvm.start(ShutdownFixture.class, Map.of("BANTIN_EMBEDDED_DB_DIR", dataDir.toString()),
                List.of(),
                "hang")) {
            child.awaitLine("ready", START);

            long started = System.nanoTime();
            child.terminate();
            boolean exited = child.process().waitFor(20, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("halted " + millis + " ms after SIGTERM");
            assertTrue(exited && millis < 12_000, "still running " + millis + " ms after SIGTERM; output:\n" + child.output());
            assertTrue(millis >= 9_500, "ended after " + millis + " ms, before the bound");
            assertEquals(1, child.process().exitValue());
            assertTrue(child.output().contains("Bantin did not stop within 10000 ms of the stop signal: halting"),
                    child.output());
            // The database was stopped cleanly before the halt.
            assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), child.output());
            assertSecretsNotIn(child.output());
        }
    }

    private void assertSecretsNotIn(String output) throws IOException {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(tempDir.resolve("postgres.passwords"))) {
            passwords.load(in);
        }
        for (String password : passwords.stringPropertyNames()) {
            assertFalse(output.contains(passwords.getProperty(password)), "the " + password + " password is in the output");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
