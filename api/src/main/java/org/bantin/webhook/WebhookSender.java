package org.bantin.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends one signed request: no redirect followed, 2 s to connect, 5 s in all, and at most the first 2 KB of the
 * answer kept. A 2xx is a success; anything else, or no answer, a failure to retry.
 */
@ApplicationScoped
class WebhookSender {

    static final int KEPT_BODY_BYTES = 2048;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    /** The answer to one attempt: its status (null without one), how long it took, and what went wrong. */
    record Outcome(Integer status, int durationMs, String body, String error) {

        boolean succeeded() {
            return status != null && status / 100 == 2;
        }
    }

    Outcome send(String url, String secret, String id, long timestamp, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TOTAL_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, answer -> new FirstBytes());
        try {
            HttpResponse<String> response = exchange.get(TOTAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), millisSince(start), response.body(),
                    response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Outcome(null, millisSince(start), null, "no answer within " + TOTAL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(start), null, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, millisSince(start), null, describe(cause));
        }
    }

    private static int millisSince(long start) {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** The kind of failure and its message, never a stack trace. */
    private static String describe(Throwable failure) {
        String kind = failure.getClass().getSimpleName();
        String message = failure.getMessage() == null ? kind : kind + ": " + failure.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    /** Keeps the first 2 KB of the answer and stops reading there: a receiver cannot make the API read more. */
    private static final class FirstBytes implements BodySubscriber<String> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), KEPT_BODY_BYTES - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= KEPT_BODY_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            // PostgreSQL text holds no NUL character.
            body.complete(kept.toString(StandardCharsets.UTF_8).replace('\u0000', '\uFFFD'));
        }
    }
}
