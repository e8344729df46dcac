package org.yizhan.rest.internal;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.supervision.AlertPageDTO;
import org.yizhan.api.supervision.RateDTO;
import org.yizhan.api.supervision.ScanDTO;

/** E-supervision (R20), for staff: alerts at their centers and rates; supervisors may run a scan. */
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    private final Services services;
    private final Authenticator auth;

    public SupervisionResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @GET
    @Path("/alerts")
    public AlertPageDTO alerts(@Context HttpHeaders headers, @QueryParam("center") String center,
                               @QueryParam("level") String level, @QueryParam("window") String window,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = auth.require(headers);
        return services.supervision().alerts(caller, Params.optionalLong("center", center),
                level == null || level.isBlank() ? null : level, window == null || window.isBlank() ? null : window,
                Params.optionalInt("page", page, 0, 0, 1_000_000), Params.optionalInt("size", size, 50, 1, 500));
    }

    /** Completion and on-time rates per deciding center and window for cases accepted in [from, to]. */
    @GET
    @Path("/rates")
    public List<RateDTO> rates(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("center") String center) {
        Caller caller = auth.require(headers);
        LocalDate f = Params.requiredDate("from", from);
        LocalDate t = Params.requiredDate("to", to);
        Params.requireRange(f, t);
        return services.supervision().rates(caller, f, t, Params.optionalLong("center", center));
    }

    /** Runs the alert scan now (it also runs on its own every few minutes); {@code ?full=true} for a full pass. */
    @POST
    @Path("/scan")
    public ScanDTO scan(@Context HttpHeaders headers, @QueryParam("full") String full) {
        Caller caller = auth.require(headers);
        if (!caller.hasAny(Caller.SUPERVISOR, Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only supervisors and county admins run the scan", "只有监察人员和县级管理员可以执行扫描");
        }
        return services.supervision().scan("true".equalsIgnoreCase(full));
    }
}
