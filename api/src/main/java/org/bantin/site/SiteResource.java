package org.bantin.site;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.http.PublicResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The site's name and welcome line, so that a front end needs no copy of them. */
@Path("/api/v1/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Site")
public class SiteResource {

    @Schema(name = "Site", description = "What every page of the site shows in its header.")
    public record SiteView(
            @Schema(example = "Sở Thông tin và Truyền thông Ninh Bình", required = true) String name,
            @Schema(example = "Chào mừng bạn đến Sở Thông tin và Truyền thông Ninh Bình", required = true) String tagline,
            @Schema(description = "IANA time zone in which dates are shown (and date filters read).", example = "Asia/Ho_Chi_Minh", required = true) String timeZone) {
    }

    private final PublicResponses responses;
    private final SiteView site;

    SiteResource(PublicResponses responses, @ConfigProperty(name = "bantin.site.name") String name,
            @ConfigProperty(name = "bantin.site.tagline") String tagline,
            @ConfigProperty(name = "bantin.time-zone") String timeZone) {
        this.responses = responses;
        this.site = new SiteView(name, tagline, timeZone);
    }

    @GET
    @Operation(operationId = "getSite", summary = "Get the site's name, welcome line and time zone")
    public RestResponse<SiteView> get(@Context HttpHeaders headers) {
        return responses.ok(headers, site);
    }
}
