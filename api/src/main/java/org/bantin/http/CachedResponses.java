package org.bantin.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
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
 */
@ApplicationScoped
public class CachedResponses {

    private static final Logger LOG = Logger.getLogger(CachedResponses.class);
    private static final String JSON = "application/json";
    /** Marks this instance's own refresh requests, with its secret as value. */
    private static final String REFRESH = "Bantin-Refresh";

    private final ResponseCache cache;
    private final HttpClient client;
    private final String secret;
    private final byte[] secretBytes;

    CachedResponses(ResponseCache cache, Vertx vertx) {
        this.cache = cache;
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
        ResponseCache.Hit hit = request.method() == HttpMethod.GET && !isOwnRefresh(request) ? hitFor(request) : null;
        if (hit == null) {
            context.next();
            return;
        }
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

    private ResponseCache.Hit hitFor(HttpServerRequest request) {
        String key;
        try {
            key = cache.keyOf(request.path(), request.query());
        } catch (ProblemException refused) {
            return null; // Quarkus REST answers it (ResponseCacheFilter)
        }
        return key == null ? null : cache.get(key);
    }

    /**
     * Whether the request is one this instance sent itself to read an entry anew. Compared in
     * constant time, so that the secret cannot be learnt from how long a refusal takes.
     */
    public boolean isOwnRefresh(HttpServerRequest request) {
        String value = request.getHeader(REFRESH);
        return value != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), secretBytes);
    }

    /** Asks this instance for the same address past the cache; ResponseCacheFilter stores the answer. */
    private void refresh(HttpServerRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(request.localAddress().host())
                .setPort(request.localAddress().port()).setURI(request.uri()).putHeader(REFRESH, secret);
        client.request(options).compose(refresh -> refresh.send()).compose(HttpClientResponse::body)
                .onFailure(failure -> LOG.debugf("Refreshing %s failed: %s", request.uri(), failure.getMessage()));
    }
}
