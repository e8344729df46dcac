package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.account.StaffInput;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.CenterInput;
import org.yizhan.api.network.ImportResultDTO;

/**
 * Administration: the network (R1) by county admins, staff accounts by county admins (and town
 * admins for their own town). Every change lands in the audit log.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** The largest network file taken (a county of several thousand centers is far below it). */
    static final int MAX_CSV_CHARS = 2_000_000;

    private final Services services;
    private final Authenticator auth;

    public AdminResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    // ------------------------------------------------------------------ the network

    @POST
    @Path("/centers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCenter(@Context HttpHeaders headers, CenterInput body) {
        Caller caller = auth.require(headers);
        CenterDTO c = services.network().createCenter(caller, body);
        return Response.status(201).entity(c).build();
    }

    @PUT
    @Path("/centers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CenterDTO updateCenter(@Context HttpHeaders headers, @PathParam("id") String id, CenterInput body) {
        Caller caller = auth.require(headers);
        return services.network().updateCenter(caller, Params.requiredLong("id", id), body);
    }

    @POST
    @Path("/centers/{id}/close")
    public CenterDTO closeCenter(@Context HttpHeaders headers, @PathParam("id") String id) {
        Caller caller = auth.require(headers);
        return services.network().closeCenter(caller, Params.requiredLong("id", id));
    }

    /** {@code text/csv}, header {@code code,name,nameEn,level,parentCode}: all or nothing. */
    @POST
    @Path("/centers/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportResultDTO importCenters(@Context HttpHeaders headers, String csv) {
        Caller caller = auth.require(headers);
        if (csv != null && csv.length() > MAX_CSV_CHARS) {
            throw YizhanException.badInput("body", "The file is larger than " + MAX_CSV_CHARS + " characters",
                    "文件超过 " + MAX_CSV_CHARS + " 个字符");
        }
        return services.network().importCenters(caller, csv);
    }

    // ------------------------------------------------------------------ staff accounts

    @GET
    @Path("/staff")
    public List<StaffDTO> staff(@Context HttpHeaders headers, @QueryParam("center") String center) {
        Caller caller = auth.require(headers);
        return services.accounts().staff(caller, Params.optionalLong("center", center));
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createStaff(@Context HttpHeaders headers, StaffInput body) {
        Caller caller = auth.require(headers);
        return Response.status(201).entity(services.accounts().create(caller, body)).build();
    }

    @GET
    @Path("/staff/{username}")
    public StaffDTO getStaff(@Context HttpHeaders headers, @PathParam("username") String username) {
        Caller caller = auth.require(headers);
        return services.accounts().get(caller, username);
    }

    @PUT
    @Path("/staff/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffDTO updateStaff(@Context HttpHeaders headers, @PathParam("username") String username, StaffInput body) {
        Caller caller = auth.require(headers);
        return services.accounts().update(caller, username, body);
    }

    @POST
    @Path("/staff/{username}/reset-password")
    public StaffDTO resetPassword(@Context HttpHeaders headers, @PathParam("username") String username) {
        Caller caller = auth.require(headers);
        return services.accounts().resetPassword(caller, username);
    }

    @POST
    @Path("/staff/{username}/unlock")
    public StaffDTO unlock(@Context HttpHeaders headers, @PathParam("username") String username) {
        Caller caller = auth.require(headers);
        return services.accounts().unlock(caller, username);
    }
}
