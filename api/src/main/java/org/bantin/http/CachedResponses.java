package org.bantin.http;

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
 * that it passes by the cache, while readers keep getting the entry.
 */
@ApplicationScoped
class CachedResponses {

    private static final Logger LOG = Logger.getLogger(CachedResponses.class);
    private static final String JSON = "application/json";
    /** Marks this instance's own refresh requests; from anyone else it merely skips the cache. */
    private static final String REFRESH = "Bantin-Refresh";

    private final ResponseCache cache;
    private final HttpClient client;

    CachedResponses(ResponseCache cache, Vertx vertx) {
        this.cache = cache;
        this.client = vertx.createHttpClient();
    }

    void install(@Observes Router router) {
        if (cache.enabled()) {
            router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::answer);
        }
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean cacheable = request.method() == HttpMethod.GET && request.getHeader(REFRESH) == null;
        String key = cacheable ? cache.keyOf(request.path(), request.query()) : null;
        ResponseCache.Hit hit = key == null ? null : cache.get(key);
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

    /** Asks this instance for the same address past the cache; ResponseCacheFilter stores the answer. */
    private void refresh(HttpServerRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(request.localAddress().host())
                .setPort(request.localAddress().port()).setURI(request.uri()).putHeader(REFRESH, "1");
        client.request(options).compose(refresh -> refresh.send()).compose(HttpClientResponse::body)
                .onFailure(failure -> LOG.debugf("Refreshing %s failed: %s", request.uri(), failure.getMessage()));
    }
}
