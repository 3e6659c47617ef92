package org.bantin.webhook;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.webhook.WebhookRecords.CreatedWebhook;
import org.bantin.webhook.WebhookRecords.DeliveryView;
import org.bantin.webhook.WebhookRecords.WebhookInput;
import org.bantin.webhook.WebhookRecords.WebhookPatch;
import org.bantin.webhook.WebhookRecords.WebhookView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints for webhooks: signed notifications of content changes, sent to other systems (e.g. a static site). */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@Tag(name = "Admin: webhooks", description = "Signed notifications of content changes, sent to other systems. What "
        + "receivers get is the schema `WebhookEvent`, with one schema per kind of `data`.")
public class AdminWebhookResource {

    /** How receivers read and check what they get; every operation that sends refers to it. */
    static final String REQUESTS = "Each event is a signed `POST` whose body is a `WebhookEvent`: that schema says which "
            + "schema its `data` follows by type (`ArticleEventData`, `CategoryEventData`, `MediaEventData`, "
            + "`SurveyEventData`, `PingEventData`), when each event is sent, and the Standard Webhooks headers "
            + "(`webhook-id`, `webhook-timestamp`, `webhook-signature`) with how to check the signature. A 2xx answer "
            + "within 5 s (2 s to connect) is a success; redirects are not followed. Anything else is retried after 1 s, "
            + "2 s, 4 s, ... (at most 1 h apart) and given up after 15 attempts (the defaults). Events of one article, "
            + "category, survey or media file reach a webhook in the order they happened: a later one waits until the "
            + "earlier one has succeeded or been given up.";

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    AdminWebhookResource(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Create a webhook", description = "The secret that signs its requests is in the "
            + "response once. " + REQUESTS)
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "422", description = "The url may not be called (not http or https, unresolvable, or a private address), or an event type is unknown.")
    public Response create(@Valid @NotNull WebhookInput input) {
        CreatedWebhook created = webhooks.create(input, caller.get());
        return Response.created(URI.create("/api/v1/admin/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks, without their secrets")
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook, without its secret")
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchWebhook", summary = "Change a webhook's url, events or whether it is enabled", description = "Fields left out "
            + "stay as they are. Events already emitted keep their deliveries; new events follow the new subscription.")
    @APIResponse(responseCode = "200", description = "Changed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "The url may not be called, or an event type is unknown.")
    public WebhookView patch(@PathParam("id") long id, @Valid @NotNull WebhookPatch patch) {
        return webhooks.patch(id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook", description = "With its delivery log; deliveries not yet made are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries, newest first", description = "Each with how its "
            + "last attempt went. " + REQUESTS)
    public Page<DeliveryView> deliveries(@PathParam("id") long id, @BeanParam PageParams paging) {
        return webhooks.deliveries(id, paging.request());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery's event again", description = "For a delivery that "
            + "succeeded or was given up: a new delivery of the same event (same `webhook-id`), sent by the worker as any other. "
            + REQUESTS)
    @APIResponse(responseCode = "202", description = "The new delivery, pending.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is still pending or failed: it is retried by itself.")
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(webhooks.redeliver(id, deliveryId)).build();
    }

    @POST
    @Path("/{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a ping event to the webhook now", description = "A `ping` event (`data` is a "
            + "`PingEventData`), signed and sent at once as every event is; the answer is its delivery after that first attempt "
            + "(still pending if an earlier ping waits). A failed ping is retried as any delivery. " + REQUESTS)
    @APIResponse(responseCode = "200", description = "The ping's delivery.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The webhook is disabled.")
    public DeliveryView ping(@PathParam("id") long id) {
        return webhooks.ping(id);
    }
}
