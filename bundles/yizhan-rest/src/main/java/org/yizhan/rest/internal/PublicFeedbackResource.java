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
import org.yizhan.api.feedback.AssessmentDTO;
import org.yizhan.api.feedback.ComplaintInput;
import org.yizhan.api.feedback.PublicComplaintDTO;

/** The public's side of complaints (R22) and the published assessments (R28): no login. */
@Path("/public")
public class PublicFeedbackResource {

    private final Services services;
    private final RateLimits limits;

    public PublicFeedbackResource(Services services, RateLimits limits) {
        this.services = services;
        this.limits = limits;
    }

    @POST
    @Path("complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response file(ComplaintInput body) {
        limits.lookup(Authenticator.remoteAddress());
        PublicComplaintDTO c = services.complaints().file(body);
        return Response.created(URI.create("public/complaints/" + c.number)).entity(c).build();
    }

    @GET
    @Path("complaints/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicComplaintDTO lookup(@PathParam("number") String number, @QueryParam("lookupCode") String lookupCode) {
        limits.lookup(Authenticator.remoteAddress());
        if (lookupCode == null || lookupCode.isBlank()) {
            throw YizhanException.badInput("lookupCode", "The lookup code given when the complaint was filed is required",
                    "请输入投诉时获得的查询码");
        }
        return services.complaints().lookup(number, lookupCode);
    }

    /**
     * The assessment of a quarter (2026-Q4) or a year (2026), ranked (R28): JSON, or CSV with
     * {@code Accept: text/csv} (or {@code format=csv}, for a download link).
     */
    @GET
    @Path("assessments")
    @Produces({MediaType.APPLICATION_JSON, "text/csv;charset=utf-8"})
    public Response assessment(@Context HttpHeaders headers, @QueryParam("period") String period, @QueryParam("format") String format) {
        String p = required(period);
        if (format != null && !format.isBlank() && !List.of("csv", "json").contains(format.trim())) {
            throw YizhanException.badInput("format", "format is csv or json", "format 须为 csv 或 json");
        }
        boolean csv = "csv".equals(format == null ? null : format.trim()) || (format == null
                && headers.getAcceptableMediaTypes().stream().anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype())));
        if (csv) {
            return Response.ok(services.assessments().csv(p), "text/csv;charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"assessment-" + p.trim() + ".csv\"").build();
        }
        AssessmentDTO a = services.assessments().assessment(p);
        return Response.ok(a, MediaType.APPLICATION_JSON).build();
    }

    private static String required(String period) {
        if (period == null || period.isBlank()) {
            throw YizhanException.badInput("period", "period is required: a quarter (2026-Q4) or a year (2026)", "请指定考核期间，如 2026-Q4 或 2026");
        }
        return period;
    }
}
