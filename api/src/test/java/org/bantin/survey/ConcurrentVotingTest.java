package org.bantin.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ConcurrentVotingTest extends ApiTest {

    private static final int VOTERS = 320;
    private static final int CLIENTS = 32;

    /** 320 readers vote at once, each request sent twice at the same moment: one counts, one is a 409. */
    @Test
    void concurrentVotesAndRetriesAreCountedExactly() throws Exception {
        Map<String, Object> input = SurveyApiTest.survey("always", true);
        input.put("maxChoices", 2);
        JsonPath survey = SurveyApiTest.createOpen(input);
        long id = survey.getLong("id");
        List<Long> options = survey.getList("options.id", Long.class);
        List<String> voters = IntStream.range(0, VOTERS).mapToObj(i -> newVoter()).toList();

        long[] expected = new long[options.size()];
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            List<Long> choice = i % 4 == 0 ? List.of(options.get(i % 3), options.get(3)) : List.of(options.get(i % 3));
            choice.forEach(option -> expected[options.indexOf(option)]++);
            String voter = voters.get(i);
            for (int copy = 0; copy < 2; copy++) {
                requests.add(() -> SurveyApiTest.vote(id, voter, choice).extract().statusCode());
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : clients.invokeAll(requests)) {
                statuses.add(status.get());
            }
        } finally {
            clients.shutdown();
        }
        for (int i = 0; i < VOTERS; i++) {
            assertEquals(List.of(201, 409), statuses.subList(2 * i, 2 * i + 2).stream().sorted().toList(), "voter " + i);
        }

        JsonPath results = api().get("/api/v1/surveys/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(VOTERS, results.getLong("totalVoters"));
        for (int option = 0; option < options.size(); option++) {
            assertEquals(expected[option], results.getLong("options[" + option + "].votes"), "votes of option " + option);
        }
        assertEquals(VOTERS, count("SELECT count(*) FROM survey_ballots WHERE survey_id = " + id));
        long choices = count("SELECT count(*) FROM survey_ballot_options WHERE survey_id = " + id);
        assertEquals(choices,
                count("SELECT sum(t.votes) FROM survey_option_totals t JOIN survey_options o ON o.id = t.option_id "
                        + "WHERE o.survey_id = " + id));
    }
}
