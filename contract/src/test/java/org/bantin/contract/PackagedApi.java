package org.bantin.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * The packaged API (api/target/quarkus-app) started as its users start it, on its own embedded PostgreSQL in a
 * throwaway folder, with an admin token for the editor's calls.
 */
final class PackagedApi implements AutoCloseable {

    final String baseUri;
    final String adminToken = "contract-check-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final Process process;
    private final Path dataDir;

    PackagedApi() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bantin.api.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged API at " + jar + ": run mvn package first.");
        }
        int port = freePort();
        baseUri = "http://127.0.0.1:" + port;
        // World-readable, so that PostgreSQL can run as an unprivileged user when this runs as root.
        dataDir = Files.createTempDirectory("bantin-contract-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        ProcessBuilder builder = new ProcessBuilder("java", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.level=WARN",
                // A small voter challenge keeps the check fast; clients solve it as they would any other.
                "-Dbantin.voter-challenge.max-number=1000", "-jar", jar.toString()).inheritIO();
        builder.environment().put("BANTIN_ADMIN_TOKEN", adminToken);
        builder.environment().put("BANTIN_EMBEDDED_DB_DIR", dataDir.resolve("postgres").toString());
        process = builder.start();
        waitUntilReady(Duration.ofSeconds(120));
    }

    private void waitUntilReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUri + "/q/health/ready")).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The API stopped while starting: exit " + process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The API was not ready within " + limit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
