package org.bantin.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.bantin.media.store.MediaKeys;
import org.bantin.media.store.MediaStore;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The directory store, and documents named by their media. */
@QuarkusTest
@TestProfile(DirectoryStoreTest.InADirectory.class)
class DirectoryStoreTest extends ApiTest {

    private static final String FILES = "/api/v1/media/files/";
    /** The same in every class loader that reads it (the profile's, the test's). */
    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
            "bantin-media-test-" + ProcessHandle.current().pid());

    public static class InADirectory implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.media.store", "directory", "bantin.media.directory", DIRECTORY.toString());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(NamedDownloads.class);
        }
    }

    @Inject
    MediaStore store;

    @AfterAll
    static void removeDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(DIRECTORY)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    @Test
    void filesAreWrittenWholeIntoShardedDirectoriesAndServed() throws IOException {
        byte[] jpeg = MediaFiles.bytes(1024 * 1024 + 7, "\u00ff\u00d8\u00ff");
        String key = MediaFiles.put(store, jpeg, "jpg", "image/jpeg");

        Path file = DIRECTORY.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertArrayEquals(jpeg, Files.readAllBytes(file));
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertEquals(List.of(file), siblings.toList(), "nothing but the file is left beside it");
        }
        assertEquals(0, count("SELECT count(*) FROM media_files WHERE key = '" + key + "'"), "nothing of it in the database");

        Response whole = given().get(FILES + key);
        whole.then().statusCode(200).contentType("image/jpeg").header("Content-Length", String.valueOf(jpeg.length));
        assertEquals(MediaKeys.sha256Of(key), MediaFileApiTest.sha256(whole.asByteArray()));
        Response range = given().header("Range", "bytes=1048570-1048582").get(FILES + key);
        range.then().statusCode(206).header("Content-Range", "bytes 1048570-1048582/" + jpeg.length);
        assertArrayEquals(Arrays.copyOfRange(jpeg, 1048570, 1048583), range.asByteArray());
    }

    @Test
    void bytesThatAreNotTheKeysAreRefused() throws IOException {
        Path file = Files.createTempFile("media", ".png");
        Files.write(file, MediaFiles.bytes(100, "\u0089PNG"));
        String wrongKey = "0".repeat(64) + ".png";
        assertThrows(IllegalArgumentException.class, () -> store.put(wrongKey, "image/png", file));
        assertThrows(IllegalArgumentException.class, () -> store.put(MediaKeys.of(file, "png"), "image/jpeg", file));
        try (Stream<Path> left = Files.list(DIRECTORY.resolve("00").resolve("00"))) {
            assertEquals(List.of(), left.toList(), "nothing, not even a partial file, for the wrong key");
        }
        Files.delete(file);
    }

    @Test
    void aDocumentDownloadsUnderItsMediasName() {
        byte[] pdf = MediaFiles.bytes(3_000, "%PDF-1.7\n");
        String key = MediaFiles.put(store, pdf, "pdf", "application/pdf");
        NamedDownloads.name(key, "Báo cáo quý 2 (bản cuối).pdf");

        given().get(FILES + key).then().statusCode(200).contentType("application/pdf").header("Content-Disposition",
                "attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%202%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.pdf");
    }

    @Test
    void aFileIsRemovedOnlyWhenTheDeletionCommits() {
        String key = MediaFiles.put(store, MediaFiles.bytes(2_000, "\u0089PNG"), "png", "image/png");
        given().get(FILES + key).then().statusCode(200);
        Path file = DIRECTORY.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.delete(key);
            assertTrue(Files.exists(file), "still there before the commit");
            throw new IllegalStateException("the caller fails after the deletion");
        }));
        assertTrue(Files.exists(file));
        given().get(FILES + key).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> store.delete(key));
        assertFalse(Files.exists(file));
        given().get(FILES + key).then().statusCode(404);
    }
}
