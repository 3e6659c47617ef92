package org.bantin.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers public content reads held in the ResponseCache straight from the HTTP router, on the
 * I/O thread: no worker thread, no REST endpoint, no database. It runs after the router's
 * filters (CORS) and before Quarkus REST, which handles every miss (see ResponseCacheFilter).
 * An entry past its freshness is read anew by a request this instance sends itself, marked so
 * that it passes by the cache, while readers keep getting the entry. The mark is a secret of this
 * process: from anyone else the header is ignored, so that no client can make every request of
 * theirs a database read.
 *
 * Concurrent misses of one key are read once: the first goes on to Quarkus REST, the others wait
 * until it ends and are answered with what it stored. When it stored nothing (its read began
 * before a change that touched it) they try again, one of them reading; when it failed (an
 * error, a 404) each goes on by itself, as does any that has waited for as long as a public read
 * may take (bantin.public-reads.timeout): none waits longer, nor waits for a read that is stuck.
 */
@ApplicationScoped
public class CachedResponses {

    private static final Logger LOG = Logger.getLogger(CachedResponses.class);
    private static final String JSON = "application/json";
    /** Marks this instance's own refresh requests, with its secret as value. */
    public static final String REFRESH = "Bantin-Refresh";

    /** A read of a key under way: when it began, and its outcome, true when waiters may find an entry. */
    private record Read(long startedAt, CompletableFuture<Boolean> outcome) {
    }

    private final ResponseCache cache;
    private final Vertx vertx;
    private final HttpClient client;
    private final String secret;
    private final byte[] secretBytes;
    private final long maxWaitNanos;
    /** The reads under way, by key: one per key. */
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    CachedResponses(ResponseCache cache, Vertx vertx, @ConfigProperty(name = "bantin.public-reads.timeout") Duration maxWait) {
        this.cache = cache;
        this.vertx = vertx;
        this.maxWaitNanos = maxWait.toNanos();
        this.client = vertx.createHttpClient();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.secretBytes = secret.getBytes(StandardCharsets.US_ASCII);
    }

    void install(@Observes Router router) {
        if (cache.enabled()) {
            router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::answer);
        }
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        String key = request.method() == HttpMethod.GET && !isOwnRefresh(request.getHeader(REFRESH)) ? keyOf(request) : null;
        if (key == null) {
            context.next();
        } else {
            answer(context, key, System.nanoTime() + maxWaitNanos);
        }
    }

    /** From the cache, else after the read of the key under way, else by reading it. */
    private void answer(RoutingContext context, String key, long waitUntil) {
        ResponseCache.Hit hit = cache.get(key);
        if (hit != null) {
            send(context, hit);
            return;
        }
        long now = System.nanoTime();
        Read mine = new Read(now, new CompletableFuture<>());
        // A read older than the longest wait is stuck or nearly done: a new one begins.
        Read read = reads.compute(key,
                (k, current) -> current == null || now - current.startedAt() > maxWaitNanos ? mine : current);
        if (read == mine) {
            context.addEndHandler(ended -> {
                reads.remove(key, mine);
                mine.outcome().complete(context.response().getStatusCode() < 400);
            });
            context.next();
        } else if (now - waitUntil >= 0) {
            context.next();
        } else {
            await(context, key, read, waitUntil);
        }
    }

    /** Until the read ends or the wait is over, whichever comes first; then answers on the request's own context. */
    private void await(RoutingContext context, String key, Read read, long waitUntil) {
        HttpServerRequest request = context.request();
        request.pause();
        Context own = vertx.getOrCreateContext();
        AtomicBoolean resumed = new AtomicBoolean();
        long timer = vertx.setTimer(Math.max(1, (waitUntil - System.nanoTime()) / 1_000_000), fired -> {
            if (resumed.compareAndSet(false, true)) {
                request.resume();
                context.next();
            }
        });
        read.outcome().thenAccept(entryExpected -> own.runOnContext(ignored -> {
            if (resumed.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                request.resume();
                if (entryExpected) {
                    answer(context, key, waitUntil);
                } else {
                    context.next();
                }
            }
        }));
    }

    private void send(RoutingContext context, ResponseCache.Hit hit) {
        HttpServerRequest request = context.request();
        if (hit.refresh()) {
            refresh(request);
        }
        ResponseCache.Entry entry = hit.entry();
        var response = context.response().putHeader(HttpHeaderNames.ETAG, entry.etag())
                .putHeader(HttpHeaderNames.CACHE_CONTROL, entry.cacheControl());
        if (PublicResponses.matches(request.getHeader(HttpHeaderNames.IF_NONE_MATCH), entry.etag())) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaderNames.CONTENT_TYPE, JSON).end(Buffer.buffer(entry.body()));
        }
    }

    private String keyOf(HttpServerRequest request) {
        try {
            return cache.keyOf(request.path(), request.query());
        } catch (ProblemException refused) {
            return null; // Quarkus REST answers it (ResponseCacheFilter)
        }
    }

    /**
     * Whether a request whose REFRESH header has this value (null when absent) is one this instance
     * sent itself to read an entry anew. Compared in constant time, so that the secret cannot be
     * learnt from how long a refusal takes.
     */
    public boolean isOwnRefresh(String refreshHeader) {
        return refreshHeader != null && MessageDigest.isEqual(refreshHeader.getBytes(StandardCharsets.US_ASCII), secretBytes);
    }

    /** Asks this instance for the same address past the cache; ResponseCacheFilter stores the answer. */
    private void refresh(HttpServerRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(request.localAddress().host())
                .setPort(request.localAddress().port()).setURI(request.uri()).putHeader(REFRESH, secret);
        client.request(options).compose(refresh -> refresh.send()).compose(HttpClientResponse::body)
                .onFailure(failure -> LOG.debugf("Refreshing %s failed: %s", request.uri(), failure.getMessage()));
    }
}
