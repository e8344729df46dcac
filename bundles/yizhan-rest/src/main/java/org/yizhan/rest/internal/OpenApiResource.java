package org.yizhan.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The OpenAPI 3 description of the v1 API, generated from the resources at build time. */
@Path("/openapi.json")
public class OpenApiResource {

    static final String RESOURCE = "/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        }
    }
}
