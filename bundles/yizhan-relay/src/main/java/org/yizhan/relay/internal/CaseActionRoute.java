package org.yizhan.relay.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.relay.InboundActionDTO;
import org.yizhan.api.relay.InboundResultDTO;
import org.yizhan.api.relay.IntegrationInbound;

/**
 * {@code direct:yizhan-case-action}: where an integrator's route hands in what a department
 * decided — a JSON body {@code {"caseNumber","action","reason"?,"data"?,"materials"?,"department"}}
 * and the header {@code YizhanMessageId}. It is applied as the calling route, once per message id,
 * where {@link IntegrationAllow} lets that route act; a refusal is audited with the rule or field
 * that refused it, kept as a dead letter of that route (replayable), and thrown back to the route,
 * whose own error handling (onException, moveFailed) takes it too.
 */
final class CaseActionRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:yizhan-case-action";
    private static final Logger LOG = LoggerFactory.getLogger(CaseActionRoute.class);

    private final IntegrationInbound inbound;
    private final IntegrationAllow allow;
    private final AuditService audit;
    private final org.yizhan.api.relay.RelayService relay;

    CaseActionRoute(IntegrationInbound inbound, IntegrationAllow allow, AuditService audit, org.yizhan.api.relay.RelayService relay) {
        this.relay = relay;
        this.inbound = inbound;
        this.allow = allow;
        this.audit = audit;
    }

    @Override
    public void configure() {
        // a refusal goes back to the calling route as it is, for that route's own error handling (onException, moveFailed)
        errorHandler(noErrorHandler());
        from(ENDPOINT).routeId("yizhan-case-action").process(this::apply);
    }

    private void apply(Exchange e) {
        InboundResultDTO r = applyAs(e.getFromRouteId(), e.getMessage().getHeader("YizhanMessageId", String.class),
                e.getMessage().getBody(String.class));
        e.getMessage().setHeader("YizhanInbound", r.duplicate ? "duplicate" : "applied");
        JsonObject o = new JsonObject();
        o.put("messageId", r.messageId);
        o.put("caseNumber", r.caseNumber);
        o.put("duplicate", r.duplicate);
        o.put("status", r.status);
        e.getMessage().setBody(o.toJson());
    }

    /**
     * Applies a body as the route {@code route}: from the route itself, or replayed from its dead
     * letters. A refusal is audited, kept as a dead letter of the route with its rule or field, and
     * thrown.
     */
    InboundResultDTO applyAs(String route, String messageId, String body) {
        try {
            if (body != null && body.length() > MAX_BODY) {
                throw YizhanException.badInput("body", "The body is longer than " + MAX_BODY + " characters", "消息体超过 " + MAX_BODY + " 个字符");
            }
            InboundActionDTO action = parse(body);
            return inbound.apply(route, messageId, action, (window, act) -> allow.allows(route, window, act));
        } catch (YizhanException x) {
            String why = (x.rule() != null ? "rule " + x.rule() + ": " : x.field() != null ? "field " + x.field() + ": " : "") + x.getMessage();
            audit.record("route:" + route, "INTEGRATION_REFUSED", "message " + messageId, why, "integration");
            relay.refusedAction(route, messageId, body, why);
            LOG.warn("Route {} message {} refused: {}; kept in the route's dead letters / 集成消息被拒绝，已存入该路由死信", route, messageId, why);
            throw new IllegalArgumentException("Refused (" + x.status() + ") " + why, x);
        }
    }

    /** The longest body a route may hand in (a decision with its reason and data, not a document). */
    static final int MAX_BODY = 8000;

    /** The body as the contract says; anything else names the field. */
    static InboundActionDTO parse(String body) {
        Object parsed;
        try {
            parsed = body == null ? null : Jsoner.deserialize(body);
        } catch (Exception bad) {
            throw YizhanException.badInput("body", "The body is not JSON: " + bad.getMessage(), "消息体不是 JSON");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw YizhanException.badInput("body", "The body is a JSON object {\"caseNumber\",\"action\",\"department\",...}", "消息体须为 JSON 对象");
        }
        InboundActionDTO a = new InboundActionDTO();
        a.caseNumber = text(m.get("caseNumber"));
        a.action = text(m.get("action"));
        a.reason = text(m.get("reason"));
        a.department = text(m.get("department"));
        if (m.get("data") instanceof Map<?, ?> d) {
            Map<String, String> data = new LinkedHashMap<>();
            d.forEach((k, v) -> data.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            a.data = data;
        }
        if (m.get("materials") instanceof List<?> list) {
            List<String> materials = new ArrayList<>();
            list.forEach(x -> materials.add(String.valueOf(x)));
            a.materials = materials;
        }
        return a;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
