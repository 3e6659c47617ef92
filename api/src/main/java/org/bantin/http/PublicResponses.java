package org.bantin.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers public GETs: the JSON bytes with a strong ETag (a hash of those bytes) and
 * Cache-Control, or 304 when the client already holds the same bytes.
 */
@ApplicationScoped
public class PublicResponses {

    /** For answers that depend on who asks (a reader's own score): only the reader's browser may keep them. */
    private static final String PERSONAL_CACHE_CONTROL = "private, no-cache";

    private final ObjectMapper json;
    private final String cacheControl;

    PublicResponses(ObjectMapper json, @ConfigProperty(name = "bantin.public-cache-control") String cacheControl) {
        this.json = json;
        this.cacheControl = cacheControl;
    }

    /**
     * The response for {@code body}. It is typed by the body so that the contract shows the body's
     * schema, but carries the already serialised bytes, which the hash was taken of.
     */
    public <T> RestResponse<T> ok(HttpHeaders request, T body) {
        return ok(request, body, cacheControl).build();
    }

    /**
     * As {@link #ok}, for what only its link's holder may see (a preview): no cache keeps it, no search
     * engine indexes it.
     */
    public <T> RestResponse<T> unshared(HttpHeaders request, T body) {
        return ok(request, body, "no-store").header("X-Robots-Tag", "noindex").build();
    }

    /**
     * As {@link #ok}, for a body that depends on the reader's Voter-Token (their own score or
     * vote): with one, only the reader's browser may keep it; and caches must tell the two apart.
     */
    public <T> RestResponse<T> perReader(HttpHeaders request, T body, boolean withVoterToken) {
        return ok(request, body, withVoterToken ? PERSONAL_CACHE_CONTROL : cacheControl)
                .header(HttpHeaders.VARY, VoterTokens.HEADER).build();
    }

    @SuppressWarnings("unchecked")
    private <T> RestResponse.ResponseBuilder<T> ok(HttpHeaders request, T body, String cacheControl) {
        byte[] bytes = serialize(body);
        String etag = etagOf(bytes);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        RestResponse.ResponseBuilder<?> response = matches(ifNoneMatch, etag)
                ? RestResponse.ResponseBuilder.notModified()
                : RestResponse.ResponseBuilder.ok(new SerializedJson(bytes), MediaType.APPLICATION_JSON_TYPE);
        return (RestResponse.ResponseBuilder<T>) response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response is not serialisable", e);
        }
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match holds `*` or a comma-separated list of tags, possibly weak (W/"..."). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
