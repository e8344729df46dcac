package org.yizhan.relay.jms.internal;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.jms.JMSException;
import javax.jms.MapMessage;
import javax.jms.Session;

import org.yizhan.api.relay.RelayMessageDTO;

/** A relay message as a JMS MapMessage: the header fields by name, the payload under {@code p.}. */
final class JmsMessages {
    private static final String P = "p.";

    private JmsMessages() {
    }

    static MapMessage toJms(Session session, RelayMessageDTO m) throws JMSException {
        MapMessage j = session.createMapMessage();
        j.setString("id", m.id);
        j.setString("kind", m.kind);
        j.setString("caseNumber", m.caseNumber);
        j.setString("fromCenter", m.fromCenter);
        j.setString("toCenter", m.toCenter);
        if (m.event != null) {
            j.setString("event", m.event);
        }
        j.setLong("createdAtMillis", m.createdAtMillis);
        for (Map.Entry<String, String> e : m.payload.entrySet()) {
            j.setString(P + e.getKey(), e.getValue());
        }
        j.setJMSCorrelationID(m.id);
        return j;
    }

    /** The JMS property of a signature header ({@code X-Yizhan-From} is {@code yizhanFrom}): JMS names are Java identifiers. */
    static String property(String header) {
        return "yizhan" + header.substring("X-Yizhan-".length());
    }

    /**
     * What the link signature covers: every field of the message and its payload sorted by name,
     * so both ends compute the same bytes whatever order the map message keeps.
     */
    static byte[] canonical(RelayMessageDTO m) {
        StringBuilder b = new StringBuilder();
        for (String field : new String[] {m.id, m.kind, m.caseNumber, m.fromCenter, m.toCenter, m.event, Long.toString(m.createdAtMillis)}) {
            b.append(field == null ? "" : field).append('\u001f');
        }
        new TreeMap<>(m.payload == null ? Map.<String, String>of() : m.payload)
                .forEach((k, v) -> b.append(k).append('\u001e').append(v == null ? "" : v).append('\u001d'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static RelayMessageDTO fromJms(MapMessage j) throws JMSException {
        RelayMessageDTO m = new RelayMessageDTO();
        m.id = j.getString("id");
        m.kind = j.getString("kind");
        m.caseNumber = j.getString("caseNumber");
        m.fromCenter = j.getString("fromCenter");
        m.toCenter = j.getString("toCenter");
        m.event = j.getString("event");
        m.createdAtMillis = j.itemExists("createdAtMillis") ? j.getLong("createdAtMillis") : 0;
        Map<String, String> payload = new LinkedHashMap<>();
        for (Enumeration<?> names = j.getMapNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (name.startsWith(P)) {
                payload.put(name.substring(P.length()), j.getString(name));
            }
        }
        m.payload = payload;
        return m;
    }
}
