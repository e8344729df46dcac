package org.yizhan.rest.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.yizhan.api.YizhanException;
import org.yizhan.api.people.AppointmentDTO;
import org.yizhan.api.people.AppointmentInput;

/** Bookings by the public (R26): book a slot, cancel with the code and phone. No login; limited per address. */
@Path("/public/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class PublicAppointmentsResource {

    private final Services services;
    private final RateLimits limits;

    public PublicAppointmentsResource(Services services, RateLimits limits) {
        this.services = services;
        this.limits = limits;
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    public Response book(AppointmentInput body) {
        limits.lookup(Authenticator.remoteAddress());
        AppointmentDTO a = services.appointments().book(body);
        return Response.created(URI.create("public/appointments/" + a.code)).entity(a).build();
    }

    /** Cancels with the code and the phone it was booked with. */
    @DELETE
    @Path("/{code}")
    public AppointmentDTO cancel(@PathParam("code") String code, @QueryParam("phone") String phone) {
        limits.lookup(Authenticator.remoteAddress());
        if (phone == null || phone.isBlank()) {
            throw YizhanException.badInput("phone", "The phone the appointment was booked with is required", "请输入预约时的电话");
        }
        return services.appointments().cancel(code, phone);
    }
}
