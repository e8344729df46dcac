package org.yizhan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.yizhan.api.YizhanException;
import org.yizhan.api.catalogue.ItemDTO;

/** The public catalogue (R6). */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    private final Services services;

    public ItemsResource(Services services) {
        this.services = services;
    }

    /** Items open at a center; every current item without {@code center}. */
    @GET
    public List<ItemDTO> items(@QueryParam("center") String center) {
        Long id = Params.optionalLong("center", center);
        return id == null ? services.catalogue().items() : services.catalogue().itemsAt(id);
    }

    /** The current version of an item, or the given {@code version}. */
    @GET
    @Path("/{code}")
    public ItemDTO item(@PathParam("code") String code, @QueryParam("version") String version) {
        Long v = Params.optionalLong("version", version);
        return (v == null ? services.catalogue().item(code) : services.catalogue().item(code, v.intValue()))
                .orElseThrow(() -> YizhanException.notFound("No item " + code, "事项不存在：" + code));
    }
}
