package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.feedback.UnratedDTO;

/** Ratings (R21), for staff: the finished cases whose applicants may be invited to rate. */
@Path("/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class RatingsResource {

    private final Services services;
    private final Authenticator auth;

    public RatingsResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** Finished cases no one has rated some days on: their applicants may be invited to rate (R21). */
    @GET
    @Path("/unrated")
    public List<UnratedDTO> unrated(@Context HttpHeaders headers, @QueryParam("center") String center) {
        return services.feedback().unrated(auth.require(headers), Params.optionalLong("center", center));
    }

}
