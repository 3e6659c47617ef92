package org.bantin.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.bantin.support.Challenges;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Ballots per address, survey or article, and hour are capped in the database, where only a keyed hash of the address is kept. */
@QuarkusTest
@TestProfile(BallotCapTest.SmallCapBehindAProxy.class)
class BallotCapTest extends ApiTest {

    static final int CAP = 3;

    public static class SmallCapBehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.ballots-per-hour", Integer.toString(CAP),
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "127.0.0.1");
        }
    }

    @Inject
    ExpiredLimits expiredLimits;

    private static String newVoterFrom(String address) {
        return api().header("X-Forwarded-For", address).body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201)
                .extract().path("token");
    }

    private static long openSurvey() {
        var survey = admin().body(Map.of("question", "Bạn đọc tin qua kênh nào?", "options", List.of("Cổng thông tin", "Zalo"),
                "resultsVisibility", "always")).post("/api/v1/admin/surveys").then().statusCode(201).extract().jsonPath();
        long id = survey.getLong("id");
        admin().post("/api/v1/admin/surveys/" + id + "/open").then().statusCode(200);
        return id;
    }

    private static long firstOption(long surveyId) {
        return api().get("/api/v1/surveys/" + surveyId).then().extract().jsonPath().getLong("options[0].id");
    }

    private static ValidatableResponse vote(long surveyId, String address, String voter) {
        return api().header("X-Forwarded-For", address).header("Voter-Token", voter)
                .body(Map.of("optionIds", List.of(firstOption(surveyId)))).post("/api/v1/surveys/" + surveyId + "/votes")
                .then();
    }

    @Test
    void votesBeyondTheCapFromOneAddressAreRefusedAndNotStored() {
        long survey = openSurvey();
        String school = "203.0.113.40";
        for (int i = 0; i < CAP; i++) {
            vote(survey, school, newVoterFrom(school)).statusCode(201);
        }
        vote(survey, school, newVoterFrom(school)).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        assertEquals(CAP, count("SELECT count(*) FROM survey_ballots WHERE survey_id = " + survey));
        assertEquals(CAP, count("SELECT sum(voters) FROM survey_totals WHERE survey_id = " + survey));
        vote(survey, "203.0.113.41", newVoterFrom("203.0.113.41")).statusCode(201);
        vote(openSurvey(), school, newVoterFrom(school)).statusCode(201);
    }

    @Test
    void aRefusedVoteUsesNoneOfTheAllowance() {
        long survey = openSurvey();
        String address = "203.0.113.42";
        String voter = newVoterFrom(address);
        vote(survey, address, voter).statusCode(201);
        for (int i = 0; i < CAP; i++) {
            vote(survey, address, voter).statusCode(409);
        }
        for (int i = 1; i < CAP; i++) {
            vote(survey, address, newVoterFrom(address)).statusCode(201);
        }
        vote(survey, address, newVoterFrom(address)).statusCode(429);
    }

    @Test
    void ratingsBeyondTheCapFromOneAddressAreRefusedAndNotStored() {
        PublishedArticle article = newPublishedArticle("Giới hạn đánh giá mỗi giờ");
        String address = "198.51.100.40";
        for (int i = 0; i < CAP; i++) {
            rate(article.slug(), address).statusCode(200);
        }
        rate(article.slug(), address).statusCode(429).header("Retry-After", notNullValue());
        api().get("/api/v1/articles/" + article.slug() + "/rating").then().body("count", equalTo(CAP));
        assertEquals(CAP, count("SELECT count(*) FROM ratings WHERE article_id = " + article.id()));
    }

    private static ValidatableResponse rate(String slug, String address) {
        return api().header("X-Forwarded-For", address).header("Voter-Token", newVoterFrom(address))
                .body(Map.of("score", 4)).put("/api/v1/articles/" + slug + "/rating").then();
    }

    @Test
    void ipv6ClientsOfOneSlash56ShareTheCap() {
        long survey = openSurvey();
        List<String> block = List.of("2001:db8:5:100::1", "2001:db8:5:1ff::2", "2001:db8:5:1ab:cd::3");
        block.forEach(address -> vote(survey, address, newVoterFrom(address)).statusCode(201));
        vote(survey, "2001:db8:5:142::9", newVoterFrom("2001:db8:5:142::9")).statusCode(429);
        vote(survey, "2001:db8:5:200::1", newVoterFrom("2001:db8:5:200::1")).statusCode(201);
    }

    @Test
    void theAddressIsStoredOnlyAsAKeyedHash() throws Exception {
        long survey = openSurvey();
        String address = "192.0.2.77";
        vote(survey, address, newVoterFrom(address)).statusCode(201);
        List<byte[]> hashes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT address_hash, ballots FROM ballot_counts WHERE kind = 'survey' AND target_id = ?")) {
            statement.setLong(1, survey);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getBytes(1));
                    assertEquals(1, rows.getInt(2));
                }
            }
        }
        assertEquals(1, hashes.size());
        byte[] hash = hashes.get(0);
        assertEquals(32, hash.length);
        byte[] raw = InetAddress.getByName(address).getAddress();
        byte[] text = address.getBytes(StandardCharsets.UTF_8);
        assertTrue(indexOf(hash, raw) < 0 && indexOf(hash, text) < 0, "no plain address bytes");
        assertEquals(0, count("SELECT count(*) FROM ballot_counts WHERE position('\\x" + hex(raw)
                + "'::bytea IN address_hash) > 0 OR position(convert_to('" + address + "', 'UTF8') IN address_hash) > 0"));
    }

    @Test
    void theCapIsKeptInTheDatabaseForEveryInstance() throws SQLException {
        long survey = openSurvey();
        String address = "203.0.113.43";
        for (int i = 0; i < CAP; i++) {
            vote(survey, address, newVoterFrom(address)).statusCode(201);
        }
        byte[] hash = one("SELECT address_hash FROM ballot_counts WHERE kind = 'survey' AND target_id = " + survey);
        // Another instance, with buckets of its own, counts on the same row: from another connection, the cap is reached.
        try (Connection other = dataSource.getConnection();
                PreparedStatement statement = other.prepareStatement("SELECT count_ballot('survey', ?, ?, ?)")) {
            statement.setLong(1, survey);
            statement.setBytes(2, hash);
            statement.setInt(3, CAP);
            SQLException refused = assertThrows(SQLException.class, statement::executeQuery);
            assertEquals("BT429", refused.getSQLState());
            statement.setInt(3, CAP + 1);
            statement.executeQuery().close();
        }
        assertEquals(CAP + 1, count("SELECT ballots FROM ballot_counts WHERE kind = 'survey' AND target_id = " + survey));
    }

    @Test
    void countsOfPastHoursAreDeleted() {
        long survey = openSurvey();
        vote(survey, "203.0.113.44", newVoterFrom("203.0.113.44")).statusCode(201);
        execute("INSERT INTO ballot_counts (kind, target_id, address_hash, hour, ballots) VALUES ('survey', " + survey
                + ", '\\x00', date_trunc('hour', now(), 'UTC') - interval '1 hour', 7)");
        execute("INSERT INTO spent_voter_challenges (challenge, expires_at) VALUES ('\\x01', now() - interval '1 second')");
        assertTrue(expiredLimits.deleteExpired() >= 2);
        assertEquals(1, count("SELECT count(*) FROM ballot_counts WHERE kind = 'survey' AND target_id = " + survey));
        assertEquals(0, count("SELECT count(*) FROM spent_voter_challenges WHERE expires_at < now()"));
    }

    private byte[] one(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBytes(1);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
