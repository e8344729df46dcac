package org.yizhan.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.PublicCaseDTO;

/** The public case lookup (R30): a case number and its lookup code, no login. */
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
}
