package org.bantin.auth;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.bantin.http.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Authenticates `Authorization: Bearer` on endpoints marked {@link RequiresRole} and checks the role. */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final CurrentCaller currentCaller;

    BearerTokenFilter(TokenService tokens, CurrentCaller currentCaller) {
        this.tokens = tokens;
        this.currentCaller = currentCaller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        Role required = requiredRole(resource.getResourceMethod());
        if (required == null) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Bearer", "Send an API token as `Authorization: Bearer <token>`.");
        }
        Caller caller = tokens.authenticate(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> ProblemException.unauthorized("Bearer", "The API token is unknown or revoked."));
        if (!caller.role().includes(required)) {
            throw ProblemException.forbidden("This needs the role " + required.wireName()
                    + "; the token '" + caller.name() + "' has the role " + caller.role().wireName() + ".");
        }
        currentCaller.set(caller);
    }

    private static Role requiredRole(Method method) {
        if (method == null) {
            return null;
        }
        RequiresRole onMethod = method.getAnnotation(RequiresRole.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresRole onClass = method.getDeclaringClass().getAnnotation(RequiresRole.class);
        return onClass == null ? null : onClass.value();
    }
}
