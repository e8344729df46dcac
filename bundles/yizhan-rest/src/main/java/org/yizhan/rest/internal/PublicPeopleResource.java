package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.people.BoardDTO;
import org.yizhan.api.people.SlotDTO;

/** A center's whereabouts board (R18) and its appointment slots (R26), for the public: no login. */
@Path("/public/centers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PublicPeopleResource {

    private final Services services;

    public PublicPeopleResource(Services services) {
        this.services = services;
    }

    @GET
    @Path("board")
    public BoardDTO board(@PathParam("id") String id) {
        return services.people().board(Params.requiredLong("id", id));
    }

    @GET
    @Path("slots")
    public List<SlotDTO> slots(@PathParam("id") String id, @QueryParam("date") String date, @QueryParam("window") String window) {
        if (window == null || window.isBlank()) {
            throw YizhanException.badInput("window", "window is required (a window type, e.g. civil-affairs)", "请指定窗口");
        }
        return services.appointments().slots(Params.requiredLong("id", id), window.trim(), date);
    }
}
