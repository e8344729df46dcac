package org.yizhan.relay.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.yizhan.api.relay.RelayMessageDTO;

/** A relay message as the JSON body of {@code POST /api/v1/relay/inbox}, and a case event for integrators. */
final class RelayJson {

    private RelayJson() {
    }

    static String message(RelayMessageDTO m) {
        JsonObject o = new JsonObject();
        o.put("id", m.id);
        o.put("kind", m.kind);
        o.put("caseNumber", m.caseNumber);
        o.put("fromCenter", m.fromCenter);
        o.put("toCenter", m.toCenter);
        if (m.event != null) {
            o.put("event", m.event);
        }
        o.put("createdAtMillis", m.createdAtMillis);
        o.put("payload", new JsonObject(new LinkedHashMap<>(m.payload)));
        return Jsoner.serialize(o);
    }

    /** The body integrators' routes receive: the event, its id (the idempotency key) and the case's fields. */
    static String event(RelayMessageDTO m) {
        JsonObject o = new JsonObject();
        o.put("id", m.id);
        o.put("event", m.event);
        o.put("caseNumber", m.caseNumber);
        o.put("at", java.time.Instant.ofEpochMilli(m.createdAtMillis).toString());
        for (Map.Entry<String, String> e : m.payload.entrySet()) {
            o.put(e.getKey(), e.getValue());
        }
        return Jsoner.serialize(o);
    }
}
