package org.bantin.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.http.ProblemException;
import org.bantin.media.MediaFileReads.Found;
import org.bantin.media.store.MediaKeys;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers GET and HEAD of media files held in memory straight from the HTTP router, on the I/O
 * thread, as CachedResponses does for JSON: no REST endpoint, no worker thread, the bytes written
 * from the file's one buffer. It runs after the router's filters (CORS, the API's headers) and
 * before Quarkus REST, where everything else goes: a file not in memory, a malformed key, a range
 * past the end (MediaFileResource).
 */
@ApplicationScoped
class MediaFileRoute {

    private final MediaFileReads reads;

    MediaFileRoute(MediaFileReads reads) {
        this.reads = reads;
    }

    void install(@Observes Router router) {
        router.route(MediaFileResource.PATH + "/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        String key = request.path().substring(MediaFileResource.PATH.length() + 1);
        boolean get = request.method() == HttpMethod.GET;
        Found held = (get || request.method() == HttpMethod.HEAD) && MediaKeys.isKey(key) ? reads.inMemory(key) : null;
        if (held == null) {
            context.next();
            return;
        }
        FileReply reply;
        try {
            reply = FileReply.of(held, request.getHeader(HttpHeaderNames.IF_NONE_MATCH),
                    request.getHeader(HttpHeaderNames.RANGE),
                    request.getHeader(HttpHeaderNames.IF_RANGE));
        } catch (ProblemException unsatisfiable) {
            context.next(); // Quarkus REST writes the problem
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(reply.status());
        response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, FileReply.CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.ETAG, reply.etag())
                .set(HttpHeaderNames.CACHE_CONTROL, FileReply.CACHE_CONTROL);
        if (reply.status() != 304) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                    .set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(reply.length()))
                    .set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            if (reply.contentRange() != null) {
                response.headers().set(HttpHeaderNames.CONTENT_RANGE, reply.contentRange());
            }
            if (reply.disposition() != null) {
                response.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, reply.disposition());
            }
        }
        if (get && reply.hasBody()) {
            response.end(held.bytes().slice((int) reply.first(), (int) (reply.first() + reply.length())));
        } else {
            response.end();
        }
    }
}
