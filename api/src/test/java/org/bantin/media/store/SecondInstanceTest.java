package org.bantin.media.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every instance serves every file: what this instance stores, a second store on connections of
 * its own (another instance's, with nothing in memory) reads back, and the other way round.
 */
@QuarkusTest
class SecondInstanceTest extends ApiTest {

    @Inject
    MediaStore store;

    @Inject
    AfterCommit afterCommit;

    @Test
    void aFileStoredByOneInstanceIsReadByAnother() throws IOException {
        MediaStore other = otherInstance();
        byte[] bytes = randomBytes(2 * DatabaseMediaStore.CHUNK_BYTES + 5);
        Path file = write(bytes);
        String key = MediaKeys.of(file, "pdf");
        QuarkusTransaction.requiringNew().run(() -> store.put(key, "application/pdf", file));

        assertEquals(new StoredFile(key, "application/pdf", bytes.length), other.find(key).orElseThrow());
        try (InputStream in = other.open(key, 0, bytes.length)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        try (InputStream in = other.open(key, DatabaseMediaStore.CHUNK_BYTES - 3, 10)) {
            assertArrayEquals(Arrays.copyOfRange(bytes, DatabaseMediaStore.CHUNK_BYTES - 3, DatabaseMediaStore.CHUNK_BYTES + 7),
                    in.readAllBytes());
        }
        Files.delete(file);
    }

    @Test
    void aFileStoredByAnotherInstanceIsServedHere() throws IOException {
        byte[] bytes = randomBytes(70_000);
        Path file = write(bytes);
        String key = MediaKeys.of(file, "webp");
        otherInstance().put(key, "image/webp", file);

        byte[] served = given().get("/api/v1/media/files/" + key).then().statusCode(200).contentType("image/webp")
                .extract().asByteArray();
        assertArrayEquals(bytes, served);
        Files.delete(file);
    }

    /** A database store as another instance has it: its own connections (no pool, no transaction manager), nothing in memory. */
    private MediaStore otherInstance() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(connections::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(connections::setPassword);
        return new DatabaseMediaStore(connections, new MediaFileCache(0), afterCommit);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("media", ".bin");
        return Files.write(file, bytes);
    }
}
