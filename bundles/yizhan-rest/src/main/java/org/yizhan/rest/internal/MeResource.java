package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.people.PresenceDTO;
import org.yizhan.api.people.PresenceInput;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.window.ModuleDTO;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who the caller is (for clients choosing what to show), and the installed window modules. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Services services;
    private final Authenticator auth;

    public MeResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** The body of POST /me/password. */
    public static class PasswordChange {
        public String oldPassword;
        public String newPassword;
    }

    /**
     * {@code {"user","roles":[...],"centerId","centerCode","centerName","centerLevel","mustChangePassword"}};
     * 401 without valid credentials. Answers while a one-time password is pending, so a client can
     * tell the user to change it.
     */
    /** The body of GET /me. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Me {
        public String user;
        public List<String> roles;
        public long centerId;
        public String centerCode;
        public String centerName;
        public String centerLevel;
        public boolean mustChangePassword;
    }

    @GET
    @Path("me")
    public Me me(@Context HttpHeaders headers) {
        return describe(auth.requireAllowingPasswordChange(headers));
    }

    /** The signed-in caller as GET /me tells it. */
    Me describe(Authenticator.Signed signed) {
        Caller caller = signed.caller();
        Me me = new Me();
        me.mustChangePassword = signed.account().mustChangePassword();
        me.user = caller.user();
        me.roles = caller.roles().stream().sorted().toList();
        me.centerId = caller.centerId();
        CenterDTO c = services.network().center(caller.centerId()).orElse(null);
        if (c != null) {
            me.centerCode = c.code;
            me.centerName = c.name;
            me.centerLevel = c.level.name();
        }
        return me;
    }

    /** Changes the caller's own password (policy: at least 10 characters, not the user name); 204. */
    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public javax.ws.rs.core.Response changePassword(@Context HttpHeaders headers, PasswordChange body) {
        Authenticator.Signed signed = auth.requireAllowingPasswordChange(headers);
        if (body == null) {
            throw YizhanException.badInput("body", "Send {\"oldPassword\", \"newPassword\"}", "请求体应为 {\"oldPassword\", \"newPassword\"}");
        }
        services.accounts().changePassword(signed.caller().user(), body.oldPassword, body.newPassword, signed.caller().source());
        auth.forget(signed.caller().user(), signed.password());
        return javax.ws.rs.core.Response.noContent().build();
    }

    /** R18: one's own presence. */
    @GET
    @Path("me/presence")
    public PresenceDTO presence(@Context HttpHeaders headers) {
        return services.people().presence(auth.require(headers));
    }

    /** R18: at the window, or away with where and until when, in one call. */
    @PUT
    @Path("me/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    public PresenceDTO setPresence(@Context HttpHeaders headers, PresenceInput body) {
        return services.people().setPresence(auth.require(headers), body);
    }

    /** Installed window modules with their bundle versions, window types and items (public). */
    @GET
    @Path("windows/modules")
    public List<ModuleDTO> modules() {
        return services.windows().modules();
    }
}
