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
 * that refused it and thrown back to the route, whose error handler (its dead letters) takes it.
 */
final class CaseActionRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:yizhan-case-action";
    private static final Logger LOG = LoggerFactory.getLogger(CaseActionRoute.class);

    private final IntegrationInbound inbound;
    private final IntegrationAllow allow;
    private final AuditService audit;

    CaseActionRoute(IntegrationInbound inbound, IntegrationAllow allow, AuditService audit) {
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
        String route = e.getFromRouteId();
        String messageId = e.getMessage().getHeader("YizhanMessageId", String.class);
        try {
            InboundActionDTO action = parse(e.getMessage().getBody(String.class));
            InboundResultDTO r = inbound.apply(route, messageId, action, (window, act) -> allow.allows(route, window, act));
            e.getMessage().setHeader("YizhanInbound", r.duplicate ? "duplicate" : "applied");
            JsonObject o = new JsonObject();
            o.put("messageId", r.messageId);
            o.put("caseNumber", r.caseNumber);
            o.put("duplicate", r.duplicate);
            o.put("status", r.status);
            e.getMessage().setBody(o.toJson());
        } catch (YizhanException x) {
            String why = (x.rule() != null ? "rule " + x.rule() + ": " : x.field() != null ? "field " + x.field() + ": " : "") + x.getMessage();
            audit.record("route:" + route, "INTEGRATION_REFUSED", "message " + messageId, why, "integration");
            LOG.warn("Route {} message {} refused: {} / 集成消息被拒绝", route, messageId, why);
            throw new IllegalArgumentException("Refused (" + x.status() + ") " + why, x);
        }
    }

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
