package org.yizhan.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.window.ModuleDTO;

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
    @GET
    @Path("me")
    public Map<String, Object> me(@Context HttpHeaders headers) {
        Authenticator.Signed signed = auth.requireAllowingPasswordChange(headers);
        Caller caller = signed.caller();
        Map<String, Object> me = new TreeMap<>();
        me.put("mustChangePassword", signed.account().mustChangePassword());
        me.put("user", caller.user());
        me.put("roles", caller.roles().stream().sorted().toList());
        me.put("centerId", caller.centerId());
        CenterDTO c = services.network().center(caller.centerId()).orElse(null);
        if (c != null) {
            me.put("centerCode", c.code);
            me.put("centerName", c.name);
            me.put("centerLevel", c.level.name());
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

    /** Installed window modules with their bundle versions, window types and items (public). */
    @GET
    @Path("windows/modules")
    public List<ModuleDTO> modules() {
        return services.windows().modules();
    }
}
