package org.bantin.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over its limit with a 413 problem before it is read: media uploads may
 * reach bantin.media.max-bytes (plus multipart framing), every other body bantin.max-request-bytes.
 * A body without Content-Length is streamed: uploads count their bytes as they arrive, and other
 * bodies must say their length (411), or a chunked JSON body could grow to the upload limit.
 */
public class RequestSizeFilter {

    /** The one path whose bodies may stream in without a length: media uploads. */
    static final String UPLOADS = "/api/v1/admin/media";
    /** Room for a multipart form's boundaries, part headers and description fields. */
    private static final long FORM_FRAMING = 64 * 1024;

    @ConfigProperty(name = "bantin.max-request-bytes")
    long maxRequestBytes;

    @ConfigProperty(name = "bantin.media.max-bytes")
    long maxUploadBytes;

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeBodies(ContainerRequestContext request) {
        boolean upload = request.getMethod().equals("POST") && request.getUriInfo().getPath().equals(UPLOADS);
        long limit = upload ? maxUploadBytes + FORM_FRAMING : maxRequestBytes;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d+") && (length.length() > 18 || Long.parseLong(length) > limit)) {
            throw ProblemException.tooLarge("The request body is larger than " + limit + " bytes.");
        }
        if (length == null && !upload && request.getHeaderString("Transfer-Encoding") != null) {
            throw ProblemException.lengthRequired("Send the body with a Content-Length (at most " + limit + " bytes).");
        }
    }
}
