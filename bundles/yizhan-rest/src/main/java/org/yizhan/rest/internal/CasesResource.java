package org.yizhan.rest.internal;

import java.net.URI;

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

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CasePageDTO;
import org.yizhan.api.cases.CaseQuery;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.Idempotency;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.cases.VerificationDTO;
import org.yizhan.api.feedback.RatingDTO;
import org.yizhan.api.feedback.RatingInput;

/** Cases, for staff. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource {

    private final Services services;
    private final Authenticator auth;

    public CasesResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpHeaders headers, NewCaseDTO body) {
        Caller caller = auth.require(headers);
        Idempotency key = IdempotencyKeys.of(headers, "POST /cases", body);
        CaseDTO created = services.cases().create(caller, body, key);
        return IdempotencyKeys.mark(Response.created(URI.create("cases/" + created.number)).entity(created), key).build();
    }

    @GET
    public CasePageDTO list(@Context HttpHeaders headers, @QueryParam("center") String center,
                            @QueryParam("status") String status, @QueryParam("window") String window,
                            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("mine") String mine, @QueryParam("owned") String owned) {
        Caller caller = auth.require(headers);
        CaseQuery q = new CaseQuery();
        q.mine = Params.optionalBoolean("mine", mine);
        q.owned = Params.optionalBoolean("owned", owned);
        q.center = Params.optionalLong("center", center);
        q.status = Params.optionalEnum("status", status, CaseStatus.class);
        q.window = window == null || window.isBlank() ? null : window;
        q.page = Params.optionalInt("page", page, 0, 0, 1_000_000);
        q.size = Params.optionalInt("size", size, 20, 1, 200);
        return services.cases().list(caller, q);
    }

    @GET
    @Path("/{number}")
    public CaseDTO get(@Context HttpHeaders headers, @PathParam("number") String number) {
        return services.cases().get(auth.require(headers), number);
    }

    @POST
    @Path("/{number}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@Context HttpHeaders headers, @PathParam("number") String number,
                       @PathParam("action") String action, ActionDTO body) {
        Caller caller = auth.require(headers);
        CaseAction a = CaseAction.fromPath(action);
        if (a == null || a == CaseAction.SUBMIT) {
            throw YizhanException.badInput("action", "No such action: " + action
                            + " (supplement, accept, not-accept, start-review, pause, resume, extend, opinion, approve, deny, deliver, withdraw)",
                    "无此操作：" + action);
        }
        Idempotency key = IdempotencyKeys.of(headers, "POST /cases/" + number + "/actions/" + a.path(), body);
        return IdempotencyKeys.mark(Response.ok(services.cases().act(caller, number, a, body, key)), key).build();
    }

    /** R21: a clerk records the applicant's rating at the window, on their behalf. */
    @POST
    @Path("/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public RatingDTO rate(@Context HttpHeaders headers, @PathParam("number") String number, RatingInput body) {
        return services.feedback().rate(auth.require(headers), number, body);
    }

    @GET
    @Path("/{number}/history/verify")
    public VerificationDTO verify(@Context HttpHeaders headers, @PathParam("number") String number) {
        return services.cases().verify(auth.require(headers), number);
    }
}
