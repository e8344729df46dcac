package org.yizhan.rest.internal;

import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Sessions for the browser: sign in once with the password, then send a short-lived token, so
 * the page never keeps the password.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private final MeResource me;
    private final Authenticator auth;

    public SessionsResource(MeResource me, Authenticator auth) {
        this.me = me;
        this.auth = auth;
    }

    /** The body of POST /sessions. */
    public static class SessionDTO {
        /** Sent as {@code Authorization: Bearer <token>}; shown once. */
        public String token;
        /** The session ends after this many seconds without a request (and after 8 hours in any case). */
        public long idleSeconds;
        /** Who signed in, as GET /me answers. */
        public MeResource.Me me;
    }

    /**
     * Opens a session with HTTP Basic (the user's password); also while a one-time password must
     * still be changed, so that the change itself can be made with the session.
     */
    @POST
    public SessionDTO open(@Context HttpHeaders headers) {
        Authenticator.Signed signed = auth.requireAllowingPasswordChange(headers);
        SessionDTO s = new SessionDTO();
        s.token = auth.openSession(signed);
        s.idleSeconds = Authenticator.SESSION_IDLE.toSeconds();
        s.me = me.describe(signed);
        return s;
    }

    /** Ends the session of the token sent (sign-out); 204, or 401 when there is none. */
    @DELETE
    @Path("/current")
    public Response close(@Context HttpHeaders headers) {
        if (!auth.closeSession(headers)) {
            throw new Authenticator.Unauthorized("No open session with this token", "该令牌没有对应的会话",
                    Authenticator.Unauthorized.BEARER);
        }
        return Response.noContent().build();
    }
}
