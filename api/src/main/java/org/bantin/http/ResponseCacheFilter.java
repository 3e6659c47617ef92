package org.bantin.http;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers the public content reads (site, categories, article lists, articles) from the
 * ResponseCache. The lookup runs before the request is matched to an endpoint, on the I/O
 * thread, so a hit needs neither a worker thread nor the database; a miss is stored on its way out.
 */
public class ResponseCacheFilter {

    private static final String KEY = "bantin.response-cache.key";
    private static final String GENERATION = "bantin.response-cache.generation";

    private static final Set<String> CACHED_PATHS = Set.of("/api/v1/site", "/api/v1/categories", "/api/v1/articles");
    /** One article by its slug (its rating, under /rating, depends on the reader). */
    private static final Pattern ARTICLE = Pattern.compile("/api/v1/articles/[^/]+");

    private final ResponseCache cache;

    ResponseCacheFilter(ResponseCache cache) {
        this.cache = cache;
    }

    @ServerRequestFilter(preMatching = true)
    public Response answerFromCache(ContainerRequestContext request) {
        String key = keyOf(request);
        if (key == null) {
            return null;
        }
        ResponseCache.Entry entry = cache.get(key);
        if (entry == null) {
            request.setProperty(KEY, key);
            request.setProperty(GENERATION, cache.generation());
            return null;
        }
        Response.ResponseBuilder response = PublicResponses.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                entry.etag())
                        ? Response.notModified()
                        : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, entry.etag()).header(HttpHeaders.CACHE_CONTROL, entry.cacheControl()).build();
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) {
        Object key = request.getProperty(KEY);
        if (key != null && response.getStatus() == 200 && response.getEntity() instanceof SerializedJson json) {
            cache.put((String) key, new ResponseCache.Entry(json.bytes(), response.getHeaderString(HttpHeaders.ETAG),
                    response.getHeaderString(HttpHeaders.CACHE_CONTROL)), (Long) request.getProperty(GENERATION));
        }
    }

    private String keyOf(ContainerRequestContext request) {
        if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (!CACHED_PATHS.contains(path) && !ARTICLE.matcher(path).matches()) {
            return null;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return query == null ? path : path + '?' + query;
    }
}
