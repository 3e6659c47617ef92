package org.bantin.rating;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.rating.RatingRecords.RatingReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors see an article's ratings over time and can clear them. */
@Path("/api/v1/admin/articles/{id}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: articles")
public class AdminRatingResource {

    private final RatingService ratings;
    private final CurrentCaller caller;

    AdminRatingResource(RatingService ratings, CurrentCaller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getArticleRatingReport", summary = "An article's ratings: summary, per day, and past clearings")
    public RatingReport report(@PathParam("id") long id) {
        return ratings.report(id);
    }

    @DELETE
    @Operation(operationId = "clearArticleRatings", summary = "Remove every rating of an article", description = "Recorded with who did it and how many ratings were removed.")
    public RatingReport clear(@PathParam("id") long id) {
        return ratings.clear(id, caller.get());
    }
}
