package org.bantin.http;

import java.net.URI;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Stores the public content reads that CachedResponses could not answer on their way out. The
 * cache's mark is noted before the endpoint reads the database, so that a response read before
 * a content change is not kept after it. Refuses the query parameters that the article list does
 * not take, cache on or off, as the cache's keys do (CacheKeys).
 */
public class ResponseCacheFilter {

    private static final String KEY = "bantin.response-cache.key";
    private static final String MARK = "bantin.response-cache.mark";

    private final ResponseCache cache;

    ResponseCacheFilter(ResponseCache cache) {
        this.cache = cache;
    }

    @ServerRequestFilter(preMatching = true)
    public void noteKey(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            URI uri = request.getUriInfo().getRequestUri();
            String key = CacheKeys.of(uri.getRawPath(), uri.getRawQuery());
            if (key != null && cache.enabled() && HttpMethod.GET.equals(method)) {
                request.setProperty(KEY, key);
                request.setProperty(MARK, cache.mark());
            }
        }
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) {
        Object key = request.getProperty(KEY);
        if (key != null && response.getStatus() == 200 && response.getEntity() instanceof SerializedJson json) {
            cache.put((String) key, new ResponseCache.Entry(json.bytes(), response.getHeaderString(HttpHeaders.ETAG),
                    response.getHeaderString(HttpHeaders.CACHE_CONTROL)), (ResponseCache.Mark) request.getProperty(MARK));
        }
    }
}
