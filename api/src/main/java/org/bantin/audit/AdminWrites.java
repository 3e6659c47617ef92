package org.bantin.audit;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.bantin.audit.AdminActions.Action;
import org.bantin.auth.Caller;
import org.bantin.auth.CurrentCaller;
import org.bantin.http.ClientAddresses;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Records every admin write that succeeded (a 2xx to a non-GET under /api/v1/admin/), the one
 * place the audit log is written from for editor actions. The entry is written after the
 * change committed, in its own transaction: should the process die between the two, or the
 * insert fail, that change goes unrecorded (logged as an error) rather than undone or answered
 * as failed, since a client told "failed" would retry a change that was made.
 */
public class AdminWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog log;
    private final CurrentCaller currentCaller;
    private final ClientAddresses clientAddresses;

    AdminWrites(AuditLog log, CurrentCaller currentCaller, ClientAddresses clientAddresses) {
        this.log = log;
        this.currentCaller = currentCaller;
        this.clientAddresses = clientAddresses;
    }

    /** Asks {@link ChangedFields} for a copy of the JSON body of admin writes only. */
    @ServerRequestFilter
    public void markAdminWrite(ContainerRequestContext request) {
        if (isAdminWrite(request)) {
            request.setProperty(ChangedFields.WANTED, Boolean.TRUE);
        }
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest connection) {
        if (!isAdminWrite(request) || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
                || resource.getResourceMethod() == null) {
            return;
        }
        Action action = AdminActions.of(request.getMethod(), template(resource));
        Caller caller = currentCaller.get();
        AuditEntry entry = new AuditEntry();
        entry.actorTokenId = caller.tokenId();
        entry.actorName = caller.name();
        entry.actorRole = caller.role().wireName();
        entry.objectType = action.objectType();
        entry.objectId = objectId(request, response);
        entry.action = action.name();
        entry.changedFields = ChangedFields.of(request);
        entry.clientAddress = clientAddresses.of(connection);
        entry.httpMethod = request.getMethod();
        entry.path = request.getUriInfo().getPath();
        entry.status = response.getStatus();
        log.write(entry);
    }

    private static boolean isAdminWrite(ContainerRequestContext request) {
        return !READS.contains(request.getMethod()) && request.getUriInfo().getPath().startsWith(AdminActions.ADMIN_PATH);
    }

    /** The matched path template, e.g. `/api/v1/admin/articles/{id}/publish`. */
    private static String template(ResourceInfo resource) {
        Path onClass = resource.getResourceClass().getAnnotation(Path.class);
        Path onMethod = resource.getResourceMethod().getAnnotation(Path.class);
        String template = "/" + (onClass == null ? "" : onClass.value()) + "/" + (onMethod == null ? "" : onMethod.value());
        template = template.replaceAll("/+", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    /** The `{id}` in the path, else the last segment of the Location of what was created. */
    private static Long objectId(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id == null) {
            URI location = response.getLocation();
            String path = location == null ? null : location.getPath();
            id = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        }
        return id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }
}
