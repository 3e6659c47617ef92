package org.bantin.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on 127.0.0.1: keeps every request it gets, and answers the status its rule gives the nth one. */
final class Receiver implements AutoCloseable {

    /** A request as received. */
    record Received(String id, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    /** @param statuses the status of the nth request (1-based) */
    Receiver(IntUnaryOperator statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body));
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.applyAsInt(count.incrementAndGet()), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    Receiver() throws IOException {
        this(n -> 200);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests received once there are this many; fails after 20 s. */
    List<Received> await(long count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (received.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain for " + count + " requests; got " + received.size());
            }
            Thread.sleep(50);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
