package org.bantin.voter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.bantin.secret.HmacKey;
import org.bantin.support.ApiTest;
import org.bantin.support.Challenges;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A voter token costs a solved challenge, each challenge buys one token, and tokens expire. */
@QuarkusTest
class VoterApiTest extends ApiTest {

    private static final String SPENT = "SELECT count(*) FROM spent_voter_challenges";

    private static Map<String, Object> challenge() {
        return api().post("/api/v1/voters/challenges").then().statusCode(200)
                .body("algorithm", equalTo("SHA-256")).body("salt", matchesPattern("[0-9a-f]{24}\\?expires=\\d+"))
                .extract().jsonPath().getMap("");
    }

    @Test
    void aSolvedChallengeBuysOneTokenAndItsReplayIsRefused() {
        Map<String, Object> solution = Challenges.solve(challenge());
        long spentBefore = count(SPENT);
        String token = api().body(solution).post("/api/v1/voters").then().statusCode(201).extract().path("token");
        PublishedArticle article = newPublishedArticle("Mã bỏ phiếu có thời hạn");
        api().header("Voter-Token", token).body(Map.of("score", 4)).put("/api/v1/articles/" + article.slug() + "/rating").then()
                .statusCode(200);
        api().body(solution).post("/api/v1/voters").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already been used"));
        assertEquals(spentBefore + 1, count(SPENT));
    }

    @Test
    void aWrongSolutionIsRefusedAndSpendsNothing() {
        Map<String, Object> solution = new HashMap<>(Challenges.solve(challenge()));
        solution.put("number", ((Number) solution.get("number")).longValue() + 1);
        long spentBefore = count(SPENT);
        api().body(solution).post("/api/v1/voters").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("number"));
        assertEquals(spentBefore, count(SPENT));
    }

    @Test
    void aTokenWithoutProofOfWorkIsRefused() {
        badRequest().post("/api/v1/voters").then().statusCode(415).contentType("application/problem+json");
        badRequest().contentType("application/json").body(Map.of()).post("/api/v1/voters").then().statusCode(422)
                .body("errors.field", hasItems("challenge", "number", "signature"));
        Map<String, Object> unsigned = new HashMap<>(Challenges.solve(challenge()));
        unsigned.put("signature", "0".repeat(64));
        api().body(unsigned).post("/api/v1/voters").then().statusCode(422).body("errors[0].field", equalTo("signature"));
    }

    @Test
    void anExpiredTokenIsRefusedAndRenewedForTheSameVoter() throws SQLException {
        Instant dayBefore = Instant.now().minus(Duration.ofHours(25));
        VoterTokens then = new VoterTokens(new HmacKey(voterSecret()), Duration.ofHours(24),
                Clock.fixed(dayBefore, ZoneOffset.UTC));
        String expired = then.issue();
        PublishedArticle article = newPublishedArticle("Mã bỏ phiếu đã hết hạn");
        api().header("Voter-Token", expired).body(Map.of("score", 4)).put("/api/v1/articles/" + article.slug() + "/rating")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("expired"));
        assertEquals(0, count("SELECT count(*) FROM ratings WHERE article_id = " + article.id()));

        String renewed = api().header("Voter-Token", expired).body(Challenges.solved()).post("/api/v1/voters").then()
                .statusCode(201).extract().path("token");
        VoterTokens now = new VoterTokens(new HmacKey(voterSecret()), Duration.ofHours(24), Clock.systemUTC());
        assertArrayEquals(new VoterTokens(new HmacKey(voterSecret()), Duration.ofDays(2), Clock.systemUTC()).voterOf(expired),
                now.voterOf(renewed));
        api().header("Voter-Token", renewed).body(Map.of("score", 4)).put("/api/v1/articles/" + article.slug() + "/rating")
                .then().statusCode(200).body("count", equalTo(1));
    }

    private byte[] voterSecret() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT value FROM secrets WHERE name = 'voter-token'")) {
            result.next();
            return result.getBytes(1);
        }
    }
}
