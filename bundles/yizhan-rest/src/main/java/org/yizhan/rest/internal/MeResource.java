package org.yizhan.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.Caller;
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

    /** {@code {"user","roles":[...],"centerId","centerCode","centerName","centerLevel"}}; 401 without valid credentials. */
    @GET
    @Path("me")
    public Map<String, Object> me(@Context HttpHeaders headers) {
        Caller caller = auth.require(headers);
        Map<String, Object> me = new TreeMap<>();
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

    /** Installed window modules with their bundle versions, window types and items (public). */
    @GET
    @Path("windows/modules")
    public List<ModuleDTO> modules() {
        return services.windows().modules();
    }
}
