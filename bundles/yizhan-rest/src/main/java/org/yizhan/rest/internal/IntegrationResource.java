package org.yizhan.rest.internal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;

/** Integration management: backfill a route that came later with the case events from before it existed. */
@Path("/integration")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

    private final Services services;
    private final Authenticator auth;

    public IntegrationResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** The body of POST /integration/replay. */
    public static class Backfill {
        public String routeId;
        public String since;
    }

    /** {"routeId","since"}: the case events since that day to that route, each once; county admin. */
    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replay(@Context HttpHeaders headers, Backfill body) {
        var caller = auth.require(headers);
        if (body == null || body.routeId == null || body.routeId.isBlank()) {
            throw YizhanException.badInput("routeId", "routeId is required", "须指明集成路由");
        }
        java.time.LocalDate since = Params.requiredDate("since", body.since);
        int n = services.relayAdmin().backfill(caller, body.routeId.trim(), since);
        return Map.of("routeId", body.routeId.trim(), "since", since.toString(), "events", n);
    }
}
