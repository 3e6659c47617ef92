package org.bantin.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** An admin endpoint that forgets {@link RequiresRole}, as a new one might: it must still be for admins only. */
@Path(UnmarkedAdminResource.PATH)
public class UnmarkedAdminResource {

    static final String PATH = "/api/v1/admin/unmarked-for-tests";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String get() {
        return "reached";
    }
}
