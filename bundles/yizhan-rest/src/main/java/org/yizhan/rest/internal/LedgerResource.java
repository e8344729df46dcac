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

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.relay.LedgerEntryDTO;
import org.yizhan.api.relay.NewLedgerEntryDTO;

/** A village room's visit ledger (R5): applications, consultations and replies. */
@Path("/centers/{id}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final Services services;
    private final Authenticator auth;

    public LedgerResource(Services services, Authenticator auth) {
        this.services = services;
        this.auth = auth;
    }

    /** The visit ledger of a village room (R5), newest first. */
    @GET
    public List<LedgerEntryDTO> ledger(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("size") String size) {
        Caller caller = auth.require(headers);
        return services.relay().ledger(caller, Params.requiredLong("id", id), Params.optionalInt("size", size, 100, 1, 1000));
    }

    /** Registers a consultation in the ledger (R5: consultations included). */
    @POST
    public LedgerEntryDTO consultation(@Context HttpHeaders headers, @PathParam("id") String id, NewLedgerEntryDTO entry) {
        Caller caller = auth.require(headers);
        if (entry == null) {
            throw YizhanException.badInput("body", "The request body is missing", "缺少请求内容");
        }
        entry.centerId = Params.requiredLong("id", id);
        return services.relay().consultation(caller, entry);
    }
}
