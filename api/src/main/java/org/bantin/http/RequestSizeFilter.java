package org.bantin.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over bantin.max-request-bytes with a 413 problem before it is read.
 * Bodies without Content-Length are capped by quarkus.http.limits.max-body-size instead.
 */
public class RequestSizeFilter {

    @ConfigProperty(name = "bantin.max-request-bytes")
    long maxRequestBytes;

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d+")
                && (length.length() > 18 || Long.parseLong(length) > maxRequestBytes)) {
            throw ProblemException.tooLarge("The request body is larger than " + maxRequestBytes + " bytes.");
        }
    }
}
