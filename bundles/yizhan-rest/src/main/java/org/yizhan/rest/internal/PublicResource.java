package org.yizhan.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.PublicCaseDTO;
import org.yizhan.api.feedback.RatingDTO;
import org.yizhan.api.feedback.RatingInput;

/** The public case lookup (R30) and the applicant's rating (R21): a case number and its lookup code, no login. */
@Path("/public/cases")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

    private final Services services;
    private final RateLimits limits;

    public PublicResource(Services services, RateLimits limits) {
        this.services = services;
        this.limits = limits;
    }

    @GET
    @Path("/{number}")
    public PublicCaseDTO lookup(@PathParam("number") String number, @QueryParam("lookupCode") String lookupCode) {
        limits.lookup(Authenticator.remoteAddress());
        if (lookupCode == null || lookupCode.isBlank()) {
            throw YizhanException.badInput("lookupCode", "The lookup code printed on the receipt is required",
                    "请输入受理通知书上的查询码");
        }
        return services.cases().lookup(number, lookupCode);
    }

    /** R21: the applicant rates the finished case once (一事一评); 409 before it finishes or when rated. */
    @POST
    @Path("/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public RatingDTO rate(@PathParam("number") String number, @QueryParam("lookupCode") String lookupCode, RatingInput body) {
        limits.lookup(Authenticator.remoteAddress());
        if (lookupCode == null || lookupCode.isBlank()) {
            throw YizhanException.badInput("lookupCode", "The lookup code printed on the receipt is required",
                    "请输入受理通知书上的查询码");
        }
        return services.feedback().ratePublic(number, lookupCode, body);
    }
}
