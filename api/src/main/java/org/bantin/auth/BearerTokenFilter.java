package org.bantin.auth;

import java.lang.reflect.Method;

import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.bantin.http.ClientAddresses;
import org.bantin.http.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Authenticates `Authorization: Bearer` (the only place a token is read from) on endpoints that
 * need a role, checks the role, and throttles addresses whose tokens keep being refused.
 */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final FailedTokenThrottle throttle;
    private final CurrentCaller currentCaller;
    private final ClientAddresses clientAddresses;
    private final Event<TokenRefused> refusals;

    BearerTokenFilter(TokenService tokens, FailedTokenThrottle throttle, CurrentCaller currentCaller,
            ClientAddresses clientAddresses, Event<TokenRefused> refusals) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.currentCaller = currentCaller;
        this.clientAddresses = clientAddresses;
        this.refusals = refusals;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest connection) {
        Role required = requiredRole(resource);
        if (required == null) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Bearer", "Send an API token as `Authorization: Bearer <token>`.");
        }
        String address = clientAddresses.of(connection);
        throttle.checkNotThrottled(address);
        Authentication authentication = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (authentication.refusal() != null) {
            throttle.countFailure(address, authentication.refusal());
            refusals.fire(new TokenRefused(address, request.getMethod(), request.getUriInfo().getPath()));
            throw ProblemException.unauthorized("Bearer", authentication.refusal().detail);
        }
        Caller caller = authentication.caller();
        if (!caller.role().includes(required)) {
            throw ProblemException.forbidden("This needs the role " + required.wireName()
                    + "; the token '" + caller.name() + "' has the role " + caller.role().wireName() + ".");
        }
        currentCaller.set(caller);
    }

    private static Role requiredRole(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Class<?> resourceClass = resource.getResourceClass();
        return RequiredRoles.of(role(method.getAnnotation(RequiresRole.class)),
                role(resourceClass.getAnnotation(RequiresRole.class)),
                path(resourceClass.getAnnotation(Path.class)), path(method.getAnnotation(Path.class)));
    }

    private static Role role(RequiresRole annotation) {
        return annotation == null ? null : annotation.value();
    }

    private static String path(Path annotation) {
        return annotation == null ? null : annotation.value();
    }
}
