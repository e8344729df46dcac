package org.yizhan.rest.internal;

import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.yizhan.api.HealthDTO;
import org.yizhan.api.HealthService;

/** {@code GET /health} (public): UP with the database, or 503 DOWN. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final Supplier<HealthService> health;
    private final Services services;
    private final String restVersion;

    public HealthResource(Supplier<HealthService> health, Services services, String restVersion) {
        this.health = health;
        this.services = services;
        this.restVersion = restVersion;
    }

    @GET
    public Response get() {
        HealthService service = health.get();
        HealthDTO dto;
        if (service == null) {
            dto = new HealthDTO();
            dto.status = HealthDTO.DOWN;
            dto.database = HealthDTO.DOWN;
            dto.version = restVersion;
            dto.detail = "The core platform service is not available (starting, stopped or failed).";
        } else {
            dto = service.check();
            java.util.List<String> missing = services.missing();
            if (!missing.isEmpty()) {
                // Not ready until every platform service the API needs is there.
                dto.status = HealthDTO.DOWN;
                dto.detail = "Starting: waiting for " + missing;
            }
        }
        return Response.status(HealthDTO.UP.equals(dto.status) ? 200 : 503).entity(dto).build();
    }
}
