package org.yizhan.rest.internal;

import java.time.LocalDate;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditPageDTO;
import org.yizhan.api.audit.AuditQuery;
import org.yizhan.api.cases.VerificationDTO;

/** The audit log, for supervisors and county admins. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final Services services;
    private final Authenticator auth;

    public AuditResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** A page of entries, newest first; {@code from}/{@code to} are days (both included). */
    @GET
    public AuditPageDTO list(@Context HttpHeaders headers, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("actor") String actor, @QueryParam("kind") String kind,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = auth.require(headers);
        LocalDate f = from == null || from.isBlank() ? null : Params.requiredDate("from", from);
        LocalDate t = to == null || to.isBlank() ? null : Params.requiredDate("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw YizhanException.badInput("to", "to is before from", "结束日期早于开始日期");
        }
        if (actor != null && actor.length() > 64) {
            throw YizhanException.badInput("actor", "actor: at most 64 characters", "actor 最多 64 个字符");
        }
        if (kind != null && (kind.length() > 32 || !kind.matches("[A-Z_]*"))) {
            throw YizhanException.badInput("kind", "kind: an upper-case kind such as SIGN_IN", "kind 取值无效");
        }
        return services.audit().list(caller, new AuditQuery(f, t, blank(actor), blank(kind),
                Params.optionalInt("page", page, 0, 0, 1_000_000), Params.optionalInt("size", size, 50, 1, 500)));
    }

    @GET
    @Path("/verify")
    public VerificationDTO verify(@Context HttpHeaders headers) {
        Caller caller = auth.require(headers);
        return services.audit().verify(caller);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
