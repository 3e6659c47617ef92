package org.bantin.media;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Uploads over the byte limit are refused as they arrive, whatever way they are sent. */
@QuarkusTest
@TestProfile(MediaLimitsTest.SmallUploads.class)
class MediaLimitsTest extends ApiTest {

    static final int LIMIT = 200_000;

    public static class SmallUploads implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.media.max-bytes", Integer.toString(LIMIT));
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** A JPEG's first bytes, then more than the limit allows. */
    private static byte[] overTheLimit() {
        byte[] big = new byte[LIMIT + 10_000];
        byte[] jpeg = MediaSamples.jpeg(16, 16);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        return big;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // A gigabyte announced; only the headers and a few bytes ever come.
            out.write(("POST /api/v1/admin/media HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN_TOKEN
                    + "\r\nContent-Type: image/jpeg\r\nContent-Length: 1000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    @Test
    void aStreamedBodyIsRefusedAtTheFirstByteOverTheLimit() {
        long rows = count("SELECT count(*) FROM media");
        // No Content-Length: the body is chunked, so only counting it as it arrives can stop it.
        InputStream body = new ByteArrayInputStream(overTheLimit());
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("image/jpeg").body(body)
                .post(MediaApiTest.MEDIA).then().statusCode(413)
                .body("type", equalTo("urn:bantin:problem:too-large")).body("detail", containsString(Integer.toString(LIMIT)));
        assertEquals(rows, count("SELECT count(*) FROM media"));
    }

    @Test
    void aFormWhoseFileIsOverTheLimitIsRefused() {
        byte[] big = overTheLimit();
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("multipart/form-data")
                .multiPart("file", "lon.jpg", big, "image/jpeg").post(MediaApiTest.MEDIA).then().statusCode(413);
    }

    @Test
    void otherBodiesMustSayTheirLength() {
        InputStream json = new ByteArrayInputStream("{\"name\":\"Chuyên mục\"}".getBytes(StandardCharsets.UTF_8));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(json)
                .post("/api/v1/admin/categories").then().statusCode(411)
                .body("type", equalTo("urn:bantin:problem:length-required"));
        assertTrue(count("SELECT count(*) FROM categories WHERE name = 'Chuyên mục'") == 0);
    }
}
