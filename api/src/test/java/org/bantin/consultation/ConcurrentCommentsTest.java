package org.bantin.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Many readers comment at once: every comment acknowledged is stored, once. */
@QuarkusTest
class ConcurrentCommentsTest extends ConsultationFixtures {

    private static final int READERS = 64;
    private static final int CLIENTS = 16;

    @Test
    void concurrentCommentsAreAllStoredExactlyOnce() throws Exception {
        long id = open();
        List<String> voters = IntStream.range(0, READERS).mapToObj(i -> newVoter()).toList();
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            String voter = voters.get(i);
            String email = "reader" + i + "@example.vn";
            requests.add(() -> api().header("Voter-Token", voter).body(comment(email))
                    .post(CONSULTATIONS + "/" + id + "/comments").statusCode());
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<Integer> status : clients.invokeAll(requests)) {
                assertEquals(201, status.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(READERS, commentsOf(id));
        assertEquals(READERS, count("SELECT count(DISTINCT email) FROM consultation_comments WHERE consultation_id = " + id));
    }
}
