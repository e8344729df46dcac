package org.yizhan.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.yizhan.api.YizhanException;
import org.yizhan.api.feedback.ComplaintActionDTO;
import org.yizhan.api.feedback.ComplaintDTO;
import org.yizhan.api.feedback.ComplaintInput;

/** Complaints (R22), for the complaint office (supervisors) and, to read, the centers' admins. */
@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintsResource {

    private final Services services;
    private final Authenticator auth;

    public ComplaintsResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@Context HttpHeaders headers, ComplaintInput body) {
        ComplaintDTO c = services.complaints().record(auth.require(headers), body);
        return Response.created(URI.create("complaints/" + c.number)).entity(c).build();
    }

    @GET
    public List<ComplaintDTO> list(@Context HttpHeaders headers, @QueryParam("center") String center, @QueryParam("status") String status) {
        return services.complaints().list(auth.require(headers), Params.optionalLong("center", center),
                status == null || status.isBlank() ? null : status.trim());
    }

    @GET
    @Path("/{number}")
    public ComplaintDTO get(@Context HttpHeaders headers, @PathParam("number") String number) {
        return services.complaints().get(auth.require(headers), number);
    }

    /** answer {text, upheld, onTheSpot}, refer {agency, text}, follow-up {text}. */
    @POST
    @Path("/{number}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ComplaintDTO act(@Context HttpHeaders headers, @PathParam("number") String number, @PathParam("action") String action,
                            ComplaintActionDTO body) {
        var caller = auth.require(headers);
        if (!List.of("answer", "refer", "follow-up").contains(action)) {
            throw YizhanException.badInput("action", "No such action: " + action + " (answer, refer, follow-up)", "无此操作：" + action);
        }
        return services.complaints().act(caller, number, action, body);
    }

    /** The written answer to a written complaint, a page to print (R22). */
    @GET
    @Path("/{number}/letter")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response letter(@Context HttpHeaders headers, @PathParam("number") String number) {
        // always the page; a refusal is problem+json whatever the client accepts
        return Response.ok(services.complaints().letter(auth.require(headers), number), MediaType.TEXT_HTML + ";charset=utf-8").build();
    }
}
