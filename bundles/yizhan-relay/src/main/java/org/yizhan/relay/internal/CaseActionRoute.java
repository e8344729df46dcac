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
 * (or the same as a map, such as a CSV row, whose {@code data.<key>} columns make the data)
 * and the header {@code YizhanMessageId}. It is applied as the calling route, once per message id,
 * where {@link IntegrationAllow} lets that route act; a refusal is audited with the rule or field
 * that refused it, kept as a dead letter of that route (replayable), and thrown back to the route,
 * whose own error handling (onException, moveFailed) takes it too.
 */
final class CaseActionRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:yizhan-case-action";
    /** A department's batch: CSV with a header row (caseNumber, action, department, reason, data.*), each row applied as one action. */
    static final String CSV_ENDPOINT = "direct:yizhan-case-actions-csv";
    static final int MAX_CSV_CHARS = 4_000_000;
    static final int MAX_CSV_ROWS = 10_000;
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
        from(CSV_ENDPOINT).routeId("yizhan-case-actions-csv").process(this::applyCsv);
    }

    private void apply(Exchange e) {
        // JSON text, or a map (a CSV row from camel-csv with useMaps, say), kept as JSON for a replay
        Object raw = e.getMessage().getBody();
        String body = raw instanceof Map<?, ?> map ? Jsoner.serialize(map) : e.getMessage().getBody(String.class);
        InboundResultDTO r = applyAs(e.getFromRouteId(), e.getMessage().getHeader("YizhanMessageId", String.class), body);
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

    /**
     * A batch of decisions as CSV (UTF-8, a header row naming at least caseNumber, action and
     * department): each row is applied as its own action with the message id
     * {@code <batch id>#<caseNumber>/<action>}, so the same file again changes nothing; a refused
     * row is in the route's dead letters and the rest go on. The body becomes
     * {@code {"batch","rows","applied","duplicates","refused"}}. A batch that is not such a CSV is
     * refused whole (thrown to the route).
     */
    private void applyCsv(Exchange e) {
        String route = e.getFromRouteId();
        String batch = e.getMessage().getHeader("YizhanMessageId", String.class);
        String text = e.getMessage().getBody(String.class);
        if (batch == null || batch.isBlank() || batch.length() > 150) {
            throw new IllegalArgumentException("Refused (400) header YizhanMessageId: the batch's id (its file name, say), at most 150 characters");
        }
        if (text == null || text.length() > MAX_CSV_CHARS) {
            throw new IllegalArgumentException("Refused (400) field body: a CSV of at most " + MAX_CSV_CHARS + " characters");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int rows = 0;
        int applied = 0;
        int duplicates = 0;
        int refused = 0;
        org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVParser.parse(text, format)) {
            List<String> header = csv.getHeaderNames();
            for (String required : List.of("caseNumber", "action", "department")) {
                if (!header.contains(required)) {
                    throw new IllegalArgumentException("Refused (400) field " + required + ": the CSV's header row needs the columns caseNumber, action,"
                            + " department (and may have reason, data.<key>); it has " + header);
                }
            }
            for (org.apache.commons.csv.CSVRecord row : csv) {
                if (++rows > MAX_CSV_ROWS) {
                    throw new IllegalArgumentException("Refused (400) field body: more than " + MAX_CSV_ROWS + " rows in one batch");
                }
                Map<String, String> values = new LinkedHashMap<>();
                row.toMap().forEach((k, v) -> {
                    if (v != null && !v.isEmpty()) {
                        values.put(k, v);
                    }
                });
                try {
                    InboundResultDTO r = applyAs(route, batch + "#" + values.get("caseNumber") + "/" + values.get("action"), Jsoner.serialize(values));
                    if (r.duplicate) {
                        duplicates++;
                    } else {
                        applied++;
                    }
                } catch (IllegalArgumentException refusedRow) {
                    // audited and kept in the route's dead letters by applyAs; the other rows go on
                    refused++;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException bad) {
            throw new IllegalArgumentException("Refused (400) field body: not a CSV (" + bad.getMessage() + ")", bad);
        }
        LOG.info("Route {} batch {}: {} rows, {} applied, {} duplicates, {} refused / 批量办理结果", route, batch, rows, applied, duplicates, refused);
        JsonObject o = new JsonObject();
        o.put("batch", batch);
        o.put("rows", rows);
        o.put("applied", applied);
        o.put("duplicates", duplicates);
        o.put("refused", refused);
        e.getMessage().setBody(o.toJson());
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
        Map<String, String> data = new LinkedHashMap<>();
        if (m.get("data") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> data.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        // a flat row (CSV) names its data as "data.<key>" columns
        m.forEach((k, v) -> {
            if (String.valueOf(k).startsWith("data.") && v != null && !String.valueOf(v).isEmpty()) {
                data.put(String.valueOf(k).substring(5), String.valueOf(v));
            }
        });
        if (!data.isEmpty()) {
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
