package org.yizhan.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.calendar.CalendarStatusDTO;
import org.yizhan.api.calendar.DueDTO;
import org.yizhan.api.calendar.WorkingDaysDTO;

/** Working-day arithmetic on a center's calendar (public). */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final Services services;

    public CalendarResource(Services services) {
        this.services = services;
    }

    @GET
    @Path("/due")
    public DueDTO due(@QueryParam("center") String center, @QueryParam("from") String from,
                      @QueryParam("workingDays") String workingDays) {
        long c = center(center);
        if (workingDays == null || workingDays.isBlank()) {
            throw YizhanException.badInput("workingDays", "workingDays is required", "workingDays 为必填参数");
        }
        int n = Params.optionalInt("workingDays", workingDays, 0, 0, 3650);
        return services.calendar().due(c, Params.requiredDate("from", from), n);
    }

    @GET
    @Path("/working-days")
    public WorkingDaysDTO workingDays(@QueryParam("center") String center, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        long c = center(center);
        java.time.LocalDate f = Params.requiredDate("from", from);
        java.time.LocalDate t = Params.requiredDate("to", to);
        Params.requireRange(f, t);
        return services.calendar().workingDays(c, f, t);
    }

    /** The official calendar years loaded, their sources, and the years missing. */
    @GET
    @Path("/years")
    public CalendarStatusDTO years() {
        return services.calendar().status();
    }

    private long center(String center) {
        long c = Params.requiredLong("center", center);
        if (services.network().center(c).isEmpty()) {
            throw YizhanException.notFound("No center " + c, "中心不存在：" + c);
        }
        return c;
    }
}
