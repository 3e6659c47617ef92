package org.bantin.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Solves voter challenges as a client does: the number n with SHA-256(salt + n) = challenge. */
public final class Challenges {

    private Challenges() {
    }

    /** A new challenge from the API, solved: the body POST /api/v1/voters takes. */
    public static Map<String, Object> solved() {
        return solve(given().post("/api/v1/voters/challenges").then().statusCode(200).extract().jsonPath().getMap(""));
    }

    /** The challenge as it came, with the number that solves it. */
    public static Map<String, Object> solve(Map<String, Object> challenge) {
        String salt = (String) challenge.get("salt");
        int max = ((Number) challenge.get("maxnumber")).intValue();
        for (long n = 0; n <= max; n++) {
            if (sha256(salt + n).equals(challenge.get("challenge"))) {
                Map<String, Object> solution = new HashMap<>(challenge);
                solution.remove("maxnumber");
                solution.put("number", n);
                return solution;
            }
        }
        throw new AssertionError("No number up to " + max + " solves " + challenge);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
