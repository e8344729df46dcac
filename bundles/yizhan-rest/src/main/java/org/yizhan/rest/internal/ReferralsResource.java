package org.yizhan.rest.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.yizhan.api.people.ReferralDTO;
import org.yizhan.api.people.ReferralInput;

/** Referral slips (R11, R16): the applicant is sent to the window that handles the matter, and the ledger says so. */
@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsResource {

    private final Services services;
    private final Authenticator auth;

    public ReferralsResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refer(@Context HttpHeaders headers, ReferralInput body) {
        ReferralDTO r = services.people().refer(auth.require(headers), body);
        return Response.created(URI.create("referrals/" + r.id)).entity(r).build();
    }
}
