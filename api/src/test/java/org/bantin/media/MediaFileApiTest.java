package org.bantin.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.bantin.media.store.MediaKeys;
import org.bantin.media.store.MediaStore;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Media files over real HTTP from the default store, PostgreSQL. The contract check is left out
 * until openapi.yaml describes the file address: its bodies are bytes, not JSON.
 */
@QuarkusTest
class MediaFileApiTest extends ApiTest {

    private static final String FILES = "/api/v1/media/files/";
    private static final String PNG = "\u0089PNG\r\n\u001a\n";

    @Inject
    MediaStore store;

    @Test
    void anImageIsServedInlineAndImmutable() {
        byte[] png = MediaFiles.bytes(20_000, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");

        for (String source : List.of("from the store", "from memory")) {
            Response response = given().header("Origin", "https://tin.example.gov.vn").get(FILES + key);

            response.then().statusCode(200).contentType("image/png")
                    .header("Content-Length", String.valueOf(png.length))
                    .header("ETag", '"' + MediaKeys.sha256Of(key) + '"')
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("Accept-Ranges", "bytes")
                    .header("Content-Disposition", nullValue())
                    .header("Access-Control-Allow-Origin", "https://tin.example.gov.vn");
            assertEquals(List.of("nosniff"), response.headers().getValues("X-Content-Type-Options"), source);
            assertEquals(List.of("default-src 'none'; sandbox"), response.headers().getValues("Content-Security-Policy"),
                    source);
            assertArrayEquals(png, response.asByteArray(), source);
            assertEquals(MediaKeys.sha256Of(key), sha256(response.asByteArray()), source);
        }
    }

    @Test
    void aKnownETagIsANotModified() {
        String key = MediaFiles.put(store, MediaFiles.bytes(3_000, PNG), "png", "image/png");
        String etag = '"' + MediaKeys.sha256Of(key) + '"';

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            Response response = given().header("If-None-Match", ifNoneMatch).get(FILES + key);
            response.then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=31536000, immutable");
            assertEquals(0, response.asByteArray().length);
        }
        given().header("If-None-Match", "\"" + "0".repeat(64) + "\"").get(FILES + key).then().statusCode(200);
    }

    @Test
    void aRangeIsPartialContentWithExactlyThoseBytes() {
        byte[] png = MediaFiles.bytes(10_000, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");

        assertRange(key, png, "bytes=100-199", 100, 199);
        assertRange(key, png, "bytes=9990-", 9990, 9999);
        assertRange(key, png, "bytes=-25", 9975, 9999);
        assertRange(key, png, "bytes=9000-20000", 9000, 9999);
        assertRange(key, png, "bytes=0-0", 0, 0);
        // If-Range with this file's ETag keeps the range; with another, the whole file comes.
        given().header("Range", "bytes=0-9").header("If-Range", '"' + MediaKeys.sha256Of(key) + '"').get(FILES + key)
                .then().statusCode(206);
        given().header("Range", "bytes=0-9").header("If-Range", "\"another\"").get(FILES + key).then().statusCode(200)
                .header("Content-Length", "10000");
    }

    @Test
    void severalRangesOrAnUnreadableOneGetTheWholeFile() {
        byte[] png = MediaFiles.bytes(5_000, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");

        for (String range : List.of("bytes=0-9,20-29", "bytes=20-10", "lines=1-2", "bytes=x-")) {
            Response response = given().header("Range", range).get(FILES + key);
            response.then().statusCode(200).header("Content-Range", nullValue());
            assertArrayEquals(png, response.asByteArray(), range);
        }
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        String key = MediaFiles.put(store, MediaFiles.bytes(1_000, PNG), "png", "image/png");

        for (String range : List.of("bytes=1000-", "bytes=5000-6000", "bytes=-0")) {
            given().header("Range", range).get(FILES + key).then().statusCode(416)
                    .contentType("application/problem+json").header("Content-Range", "bytes */1000")
                    .body("status", equalTo(416));
        }
    }

    @Test
    void headSaysWhatGetWouldSend() {
        byte[] png = MediaFiles.bytes(4_321, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");

        for (String source : List.of("from the store", "from memory")) {
            Response whole = given().head(FILES + key);
            whole.then().statusCode(200).contentType("image/png").header("Content-Length", "4321")
                    .header("ETag", '"' + MediaKeys.sha256Of(key) + '"').header("Accept-Ranges", "bytes");
            assertEquals(0, whole.asByteArray().length, source);
        }
        given().header("Range", "bytes=10-19").head(FILES + key).then().statusCode(206).header("Content-Length", "10")
                .header("Content-Range", "bytes 10-19/4321");
        given().head(FILES + "0".repeat(64) + ".png").then().statusCode(404);
    }

    @Test
    void unknownAndMalformedKeysAreNotFound() {
        String stored = MediaFiles.put(store, MediaFiles.bytes(100, PNG), "png", "image/png");
        List<String> keys = List.of("0".repeat(64) + ".png", stored.toUpperCase(), stored.replace(".png", ".jpg"),
                stored.substring(1), stored + "x", stored.replace(".png", ".toolong"), "..%2F" + stored, "abc");
        for (String key : keys) {
            given().get(FILES + key).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        // As a browser asks for an image.
        given().accept("image/avif,image/webp,*/*;q=0.8").get(FILES + keys.get(0)).then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("image/png").get(FILES + keys.get(0)).then().statusCode(404);
    }

    @Test
    void documentsAreDownloadsNamedAfterTheirKeyUntilAMediaNamesThem() {
        byte[] pdf = MediaFiles.bytes(2_000, "%PDF-1.7\n");
        String key = MediaFiles.put(store, pdf, "pdf", "application/pdf");

        for (String source : List.of("from the store", "from memory")) {
            Response response = given().get(FILES + key);

            response.then().statusCode(200).contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename*=UTF-8''" + key);
            assertEquals(List.of("default-src 'none'; sandbox"), response.headers().getValues("Content-Security-Policy"),
                    source);
            assertArrayEquals(pdf, response.asByteArray(), source);
        }
    }

    @Test
    void aLargeFileIsStreamedWholeAndInRanges() {
        byte[] large = MediaFiles.bytes(5 * 1024 * 1024 + 123, "%PDF-1.7\n");
        String key = MediaFiles.put(store, large, "pdf", "application/pdf");
        assertEquals(6, count("SELECT count(*) FROM media_file_chunks WHERE key = '" + key + "'"));

        Response response = given().get(FILES + key);

        response.then().statusCode(200).header("Content-Length", String.valueOf(large.length));
        assertEquals(MediaKeys.sha256Of(key), sha256(response.asByteArray()));
        int chunk = 1024 * 1024;
        assertRange(key, large, "bytes=" + (chunk - 10) + "-" + (chunk + 9), chunk - 10, chunk + 9);
        assertRange(key, large, "bytes=" + (chunk / 2) + "-" + (3 * chunk), chunk / 2, 3 * chunk);
        assertRange(key, large, "bytes=-200", large.length - 200, large.length - 1);
    }

    @Test
    void aSmallFileIsServedFromMemoryUntilItIsDeletedAnywhere() throws Exception {
        byte[] png = MediaFiles.bytes(50_000, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");
        assertArrayEquals(png, given().get(FILES + key).then().statusCode(200).extract().asByteArray());

        execute("UPDATE media_file_chunks SET data = '\\x00' WHERE key = ?", key);
        assertArrayEquals(png, given().get(FILES + key).then().statusCode(200).extract().asByteArray());

        // As another instance deletes it: straight in the database, heard through the notification.
        execute("DELETE FROM media_files WHERE key = ?", key);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (given().get(FILES + key).statusCode() != 404) {
            assertTrue(System.nanoTime() < deadline, "still served 10 s after its deletion");
            Thread.sleep(50);
        }
    }

    @Test
    void aDeletionTakesEffectWhenItCommits() {
        byte[] png = MediaFiles.bytes(1_000, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");
        given().get(FILES + key).then().statusCode(200);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.delete(key);
            throw new IllegalStateException("the caller fails after the deletion");
        }));
        given().get(FILES + key).then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM media_file_chunks WHERE key = '" + key + "'"));

        QuarkusTransaction.requiringNew().run(() -> store.delete(key));
        given().get(FILES + key).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM media_file_chunks WHERE key = '" + key + "'"));
    }

    @Test
    void puttingAStoredFileAgainChangesNothing() {
        byte[] png = MediaFiles.bytes(1_500, PNG);
        String key = MediaFiles.put(store, png, "png", "image/png");
        assertEquals(key, MediaFiles.put(store, png, "png", "image/png"));
        assertEquals(1, count("SELECT count(*) FROM media_files WHERE key = '" + key + "'"));
        assertEquals(1, count("SELECT count(*) FROM media_file_chunks WHERE key = '" + key + "'"));
    }

    private static void assertRange(String key, byte[] bytes, String range, int first, int last) {
        Response response = given().header("Range", range).get(FILES + key);
        response.then().statusCode(206).header("Content-Range", "bytes " + first + "-" + last + "/" + bytes.length)
                .header("Content-Length", String.valueOf(last - first + 1))
                .header("ETag", '"' + MediaKeys.sha256Of(key) + '"');
        assertArrayEquals(Arrays.copyOfRange(bytes, first, last + 1), response.asByteArray(), range);
    }

    private void execute(String sql, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
