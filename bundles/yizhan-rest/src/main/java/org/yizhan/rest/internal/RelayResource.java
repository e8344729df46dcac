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

import com.fasterxml.jackson.databind.ObjectMapper;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.relay.IntegrationRouteDTO;
import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.ReceiptDTO;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.api.relay.RelayStatusDTO;
import org.yizhan.api.relay.TransportDTO;

/**
 * Relay (R23): the inbox other containers deliver to, the outbox's state and dead letters, the
 * transport per center.
 */
@Path("/relay")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelayResource {

    private final Services services;
    private final Authenticator auth;
    private final ObjectMapper json;
    private final RateLimits limits;

    public RelayResource(Services services, Authenticator auth, ObjectMapper json, RateLimits limits) {
        this.services = services;
        this.auth = auth;
        this.json = json;
        this.limits = limits;
    }

    /** Body of {@code PUT /relay/transports/{center}}. */
    public static class TransportChange {
        public String transport;
    }

    /**
     * A message from another container's dispatcher, signed with the key of the link between the
     * two centers (headers {@code X-Yizhan-From}, {@code -To}, {@code -Timestamp}, {@code -Signature}
     * over the exact body); no account can post here. The same message twice changes nothing.
     */
    @POST
    @Path("/inbox")
    public ReceiptDTO inbox(@Context HttpHeaders headers, byte[] body) throws java.io.IOException {
        String source = Authenticator.remoteAddress();
        limits.beforeRelay(source);
        try {
            return take(headers, body, source);
        } catch (YizhanException | com.fasterxml.jackson.core.JsonProcessingException refused) {
            limits.relayRefused(source);
            throw refused;
        }
    }

    private ReceiptDTO take(HttpHeaders headers, byte[] body, String source) throws java.io.IOException {
        Caller link = services.relayLinks().verify(headers.getHeaderString(RelayLinks.FROM), headers.getHeaderString(RelayLinks.TO),
                headers.getHeaderString(RelayLinks.TIMESTAMP), headers.getHeaderString(RelayLinks.SIGNATURE),
                body == null ? new byte[0] : body, source);
        RelayMessageDTO message = body == null || body.length == 0 ? null : json.readValue(body, RelayMessageDTO.class);
        if (message == null) {
            throw YizhanException.badInput("body", "The message is missing", "缺少消息内容");
        }
        return services.relay().receive(link, message);
    }

    @GET
    @Path("/status")
    public RelayStatusDTO status(@Context HttpHeaders headers) {
        Caller caller = auth.require(headers);
        RelayStatusDTO s = services.relay().status(caller);
        s.transports.addAll(services.relayAdmin().transports(caller));
        return s;
    }

    @GET
    @Path("/transports")
    public List<TransportDTO> transports(@Context HttpHeaders headers) {
        return services.relayAdmin().transports(auth.require(headers));
    }

    /** Sets how messages reach a center: {@code {"transport":"local" | "https://host:port/api/v1" | "jms:queue"}}. */
    @PUT
    @Path("/transports/{center}")
    public TransportDTO setTransport(@Context HttpHeaders headers, @PathParam("center") String center, TransportChange body) {
        Caller caller = auth.require(headers);
        if (body == null) {
            throw YizhanException.badInput("transport", "Body {\"transport\": ...} is required", "请提供 transport");
        }
        return services.relayAdmin().setTransport(caller, center, body.transport);
    }

    /** Suspends an integrator's route without deleting its file; county admin. */
    @POST
    @Path("/routes/{id}/suspend")
    public IntegrationRouteDTO.RouteState suspend(@Context HttpHeaders headers, @PathParam("id") String id) {
        return services.relayAdmin().setRouteRunning(auth.require(headers), id, false);
    }

    @POST
    @Path("/routes/{id}/resume")
    public IntegrationRouteDTO.RouteState resume(@Context HttpHeaders headers, @PathParam("id") String id) {
        return services.relayAdmin().setRouteRunning(auth.require(headers), id, true);
    }

    @GET
    @Path("/routes")
    public List<IntegrationRouteDTO> routes(@Context HttpHeaders headers) {
        return services.relayAdmin().integrationRoutes(auth.require(headers));
    }

    @GET
    @Path("/dead-letters")
    public List<OutboxMessageDTO> deadLetters(@Context HttpHeaders headers, @QueryParam("size") String size,
                                              @QueryParam("route") String route) {
        return services.relay().deadLetters(auth.require(headers), Params.optionalInt("size", size, 100, 1, 1000), routeParam(route));
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    public OutboxMessageDTO replay(@Context HttpHeaders headers, @PathParam("id") String id) {
        Caller caller = auth.require(headers);
        if (!services.relay().replay(caller, id)) {
            throw YizhanException.notFound("No dead letter " + id, "没有该死信：" + id);
        }
        OutboxMessageDTO d = new OutboxMessageDTO();
        d.message = new RelayMessageDTO();
        d.message.id = id;
        d.state = OutboxMessageDTO.PENDING;
        return d;
    }

    /** Replays every dead letter, or with {@code route} that integrator's route's; {@code {"replayed": n}}. */
    @POST
    @Path("/dead-letters/replay")
    public java.util.Map<String, Integer> replayAll(@Context HttpHeaders headers, @QueryParam("route") String route) {
        return java.util.Map.of("replayed", services.relay().replayAll(auth.require(headers), routeParam(route)));
    }

    /** A route id as the route files allow them (at most 100 characters of letters, digits, '.', '_' and '-'). */
    private static String routeParam(String route) {
        if (route == null) {
            return null;
        }
        if (!route.matches("[A-Za-z0-9._-]{1,100}")) {
            throw YizhanException.badInput("route", "A route id is 1-100 letters, digits, '.', '_' or '-'", "路由编号须为 1-100 个字母、数字、点、下划线或连字符");
        }
        return route;
    }
}
