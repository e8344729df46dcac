package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.people.AppointmentDTO;

/** A day's appointments for the window (R26): who comes when, and who came. */
@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentsResource {

    private final Services services;
    private final Authenticator auth;

    public AppointmentsResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @GET
    public List<AppointmentDTO> day(@Context HttpHeaders headers, @QueryParam("center") String center, @QueryParam("date") String date) {
        return services.appointments().day(auth.require(headers), Params.optionalLong("center", center), date);
    }

    /** arrive or no-show. */
    @POST
    @Path("/{code}/actions/{action}")
    public AppointmentDTO act(@Context HttpHeaders headers, @PathParam("code") String code, @PathParam("action") String action) {
        var caller = auth.require(headers);
        if (!List.of("arrive", "no-show").contains(action)) {
            throw YizhanException.badInput("action", "No such action: " + action + " (arrive, no-show)", "无此操作：" + action);
        }
        return services.appointments().act(caller, code, action);
    }
}
