package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.people.PostDTO;
import org.yizhan.api.people.RosterDayDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.WindowDTO;

/** Centers (public) and their windows. */
@Path("/centers")
@Produces(MediaType.APPLICATION_JSON)
public class CentersResource {

    private final Services services;
    private final Authenticator auth;

    public CentersResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** The body of PUT /centers/{id}/windows/{type}. */
    public static class WindowSwitch {
        public Boolean enabled;
    }

    @GET
    public List<CenterDTO> centers() {
        return services.network().centers();
    }

    @GET
    @Path("/{id}/windows")
    public List<WindowDTO> windows(@PathParam("id") String id) {
        return services.network().windows(Params.requiredLong("id", id));
    }

    @PUT
    @Path("/{id}/windows/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WindowDTO switchWindow(@Context HttpHeaders headers, @PathParam("id") String id, @PathParam("type") String type,
                                  WindowSwitch body) {
        Caller caller = auth.require(headers);
        long centerId = Params.requiredLong("id", id);
        if (body == null || body.enabled == null) {
            throw YizhanException.badInput("enabled", "Send {\"enabled\": true} or {\"enabled\": false}",
                    "请求体应为 {\"enabled\": true} 或 {\"enabled\": false}");
        }
        return services.network().setWindowEnabled(caller, centerId, type, body.enabled);
    }

    /** R17: the center's posts, A and B per window. */
    @GET
    @Path("/{id}/posts")
    public List<PostDTO> posts(@Context HttpHeaders headers, @PathParam("id") String id) {
        return services.people().posts(auth.require(headers), Params.requiredLong("id", id));
    }

    /** R17: replaces the center's posts (its town admin, a county admin). */
    @PUT
    @Path("/{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PostDTO> setPosts(@Context HttpHeaders headers, @PathParam("id") String id, List<PostDTO> body) {
        return services.people().setPosts(auth.require(headers), Params.requiredLong("id", id), body);
    }

    /** R25: a village room's duty roster, days from to to. */
    @GET
    @Path("/{id}/roster")
    public List<RosterDayDTO> roster(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        return services.people().roster(auth.require(headers), Params.requiredLong("id", id), from, to);
    }

    /** R25: sets days of the roster (a blank name clears the day); the room's agent, its town's admin. */
    @PUT
    @Path("/{id}/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<RosterDayDTO> setRoster(@Context HttpHeaders headers, @PathParam("id") String id, List<RosterDayDTO> body) {
        return services.people().setRoster(auth.require(headers), Params.requiredLong("id", id), body);
    }
}
