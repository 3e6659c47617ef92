package org.bantin.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.bantin.support.ChildJvm;
import org.bantin.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Two instances of the packaged API on one database: a file uploaded through one is served by the other. */
class TwoInstancesIT {

    private static final TestDatabase DATABASE = new TestDatabase();
    private static ChildJvm first;
    private static ChildJvm second;
    private static String firstUrl;
    private static String secondUrl;

    @BeforeAll
    static void startTwoInstances() throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        DATABASE.start().forEach((key, value) -> environment.put(key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        System.getenv().forEach((name, value) -> { // the tests' own server, when one is named
            if (name.startsWith("QUARKUS_DATASOURCE_")) {
                environment.putIfAbsent(name, value);
            }
        });
        environment.put("BANTIN_ADMIN_TOKEN", ApiTest.ADMIN_TOKEN);
        environment.put("BANTIN_ADMIN_TOKEN_BOOTSTRAP_ONLY", "false");
        // One after the other: the first makes the schema.
        int firstPort = freePort();
        first = ChildJvm.startApi(withPort(environment, firstPort));
        firstUrl = awaitReady(first, firstPort);
        int secondPort = freePort();
        second = ChildJvm.startApi(withPort(environment, secondPort));
        secondUrl = awaitReady(second, secondPort);
    }

    @AfterAll
    static void stop() {
        for (ChildJvm instance : new ChildJvm[]{first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        DATABASE.stop();
    }

    private static Map<String, String> withPort(Map<String, String> environment, int port) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return own;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String awaitReady(ChildJvm instance, int port) throws InterruptedException {
        String url = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline) && instance.process().isAlive()) {
            try {
                if (given().get(url + "/q/health/ready").statusCode() == 200) {
                    return url;
                }
            } catch (Exception notListeningYet) {
                // RestAssured throws the refused connection (an IOException) unchecked
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The API on port " + port + " did not get ready:\n" + instance.output());
    }

    @Test
    void aFileUploadedThroughOneInstanceIsServedByTheOtherUntilDeleted() throws InterruptedException {
        JsonPath media = given().header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN).contentType("image/jpeg")
                .body(MediaApiTest.uniqueJpeg(1300, 900)).queryParam("alt", "Ảnh tải lên máy chủ thứ nhất")
                .post(firstUrl + MediaApiTest.MEDIA).then().statusCode(201).extract().jsonPath();
        String url = media.getString("url");
        byte[] served = given().get(secondUrl + url).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        String key = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(key, HexFormat.of().formatHex(Hashes.sha256(served)) + ".jpg", "the bytes are those of the address");
        assertArrayEquals(served, given().get(firstUrl + url).then().statusCode(200).extract().asByteArray());

        // The second instance now holds the file in memory; a delete through the first reaches it.
        given().header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN)
                .delete(firstUrl + MediaApiTest.MEDIA + "/" + media.getLong("id")).then().statusCode(204);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
        int status;
        do {
            status = given().get(secondUrl + url).statusCode();
            Thread.sleep(20);
        } while (status != 404 && Instant.now().isBefore(deadline));
        assertEquals(404, status, "the other instance stops serving a deleted file");
    }
}
