package org.bantin.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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

    /** Sends a request as written (headers, then the body pieces) and returns its status line. */
    private String exchange(String headers, byte[]... pieces) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((headers + "Host: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (byte[] piece : pieces) {
                out.write(piece);
            }
            out.flush();
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    /** A body in chunked transfer encoding: no length is known before its end. */
    private static byte[][] chunked(byte[] body) {
        int size = 64 * 1024;
        byte[][] pieces = new byte[(body.length + size - 1) / size + 1][];
        for (int i = 0; i * size < body.length; i++) {
            int length = Math.min(size, body.length - i * size);
            byte[] head = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] piece = new byte[head.length + length + 2];
            System.arraycopy(head, 0, piece, 0, head.length);
            System.arraycopy(body, i * size, piece, head.length, length);
            piece[piece.length - 2] = '\r';
            piece[piece.length - 1] = '\n';
            pieces[i] = piece;
        }
        pieces[pieces.length - 1] = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        return pieces;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        // A gigabyte announced; only the headers and a few bytes ever come.
        assertEquals("HTTP/1.1 413", exchange("POST /api/v1/admin/media HTTP/1.1\r\nContent-Type: image/jpeg\r\n"
                + "Content-Length: 1000000000\r\n", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }

    @Test
    void aStreamedBodyIsRefusedAtTheFirstByteOverTheLimit() throws IOException {
        long rows = count("SELECT count(*) FROM media");
        // No Content-Length: only counting the body as it arrives can stop it.
        assertEquals("HTTP/1.1 413", exchange("POST /api/v1/admin/media HTTP/1.1\r\nContent-Type: image/jpeg\r\n"
                + "Transfer-Encoding: chunked\r\n", chunked(overTheLimit())));
        assertEquals(rows, count("SELECT count(*) FROM media"));
    }

    @Test
    void aFormWhoseFileIsOverTheLimitIsRefused() {
        byte[] big = overTheLimit();
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("multipart/form-data")
                .multiPart("file", "lon.jpg", big, "image/jpeg").post(MediaApiTest.MEDIA).then().statusCode(413);
    }

    @Test
    void otherBodiesMustSayTheirLength() throws IOException {
        byte[] json = "{\"name\":\"Chuyên mục không độ dài\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("HTTP/1.1 411", exchange("POST /api/v1/admin/categories HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", chunked(json)));
        assertEquals(0, count("SELECT count(*) FROM categories WHERE name = 'Chuyên mục không độ dài'"));
    }
}
