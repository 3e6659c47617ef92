package org.bantin.rating;

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
class ConcurrentRatingTest extends ApiTest {

    private static final int VOTERS = 240;
    private static final int CLIENTS = 32;

    /**
     * 240 readers rate one article at once, each request sent twice at the same moment (a client
     * retrying); then every third reader changes the score, again twice. Every count must be exact.
     */
    @Test
    void concurrentRatingsAndRetriesAreCountedExactly() throws Exception {
        PublishedArticle article = newPublishedArticle("Nhiều người đánh giá cùng lúc");
        List<String> voters = IntStream.range(0, VOTERS).mapToObj(i -> newVoter()).toList();
        int[] finalScores = new int[VOTERS];
        List<Callable<Integer>> firstRound = new ArrayList<>();
        List<Callable<Integer>> secondRound = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            int first = 1 + i % 5;
            finalScores[i] = i % 3 == 0 ? 1 + (first + 1) % 5 : first;
            for (int copy = 0; copy < 2; copy++) {
                firstRound.add(rating(article.slug(), voters.get(i), first));
                if (i % 3 == 0) {
                    secondRound.add(rating(article.slug(), voters.get(i), finalScores[i]));
                }
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            assertAllSucceeded(clients.invokeAll(firstRound));
            assertAllSucceeded(clients.invokeAll(secondRound));
        } finally {
            clients.shutdown();
        }

        long[] expected = new long[6];
        long expectedPoints = 0;
        for (int score : finalScores) {
            expected[score]++;
            expectedPoints += score;
        }
        JsonPath summary = api().get("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(VOTERS, summary.getInt("count"));
        for (int score = 1; score <= 5; score++) {
            assertEquals(expected[score], summary.getLong("distribution." + score), "ratings of " + score);
        }
        assertEquals(VOTERS, count("SELECT count(*) FROM ratings WHERE article_id = " + article.id()));
        assertEquals(expectedPoints, count("SELECT sum(score) FROM ratings WHERE article_id = " + article.id()));
        assertEquals(expectedPoints, count("SELECT sum(points) FROM rating_totals WHERE article_id = " + article.id()));
        assertEquals(Math.round(expectedPoints * 10.0 / VOTERS) / 10.0, summary.getDouble("average"), 1e-9);
    }

    private static Callable<Integer> rating(String slug, String voter, int score) {
        return () -> api().header("Voter-Token", voter).body(Map.of("score", score))
                .put("/api/v1/articles/" + slug + "/rating").then().extract().statusCode();
    }

    private static void assertAllSucceeded(List<Future<Integer>> responses) throws Exception {
        for (Future<Integer> response : responses) {
            assertEquals(200, response.get());
        }
    }
}
