package org.yizhan.rest.internal;

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

import org.yizhan.api.YizhanException;
import org.yizhan.api.feedback.RectificationDTO;

/** The rectification of bad ratings (R21), for staff. */
@Path("/rectifications")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final Services services;
    private final Authenticator auth;

    public FeedbackResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    @GET
        public List<RectificationDTO> rectifications(@Context HttpHeaders headers, @QueryParam("center") String center,
                                                 @QueryParam("status") String status) {
        return services.feedback().rectifications(auth.require(headers), Params.optionalLong("center", center),
                status == null || status.isBlank() ? null : status.trim());
    }

    @GET
    @Path("/{id}")
    public RectificationDTO rectification(@Context HttpHeaders headers, @PathParam("id") String id) {
        return services.feedback().rectification(auth.require(headers), Params.requiredLong("id", id));
    }

    /** verify, rectify, visit, close, appeal, uphold, reject; body {"text"}. */
    @POST
    @Path("/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RectificationDTO act(@Context HttpHeaders headers, @PathParam("id") String id, @PathParam("action") String action,
                                TextDTO body) {
        var caller = auth.require(headers);
        if (!List.of("verify", "rectify", "visit", "close", "appeal", "uphold", "reject").contains(action)) {
            throw YizhanException.badInput("action", "No such action: " + action + " (verify, rectify, visit, close, appeal, uphold, reject)",
                    "无此操作：" + action);
        }
        return services.feedback().act(caller, Params.requiredLong("id", id), action, body == null ? null : body.text);
    }

    /** A body with one text. */
    public static class TextDTO {
        public String text;
    }
}
