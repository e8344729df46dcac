package org.yizhan.core.internal.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.outbox.Outbox;

/** The case events integrators' routes take (created, accepted, approved, ...), built from a case's state. */
final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** The event integrators' routes take for a history event, or null when they take none. */
    static String name(String action, String to) {
        return switch (action) {
            case "submit" -> "created";
            case "accept" -> "accepted";
            case "approve" -> "approved";
            case "deny" -> "denied";
            case "deliver" -> "delivered";
            case "relay-in" -> "ACCEPTED".equals(to) ? "relayed" : null;
            default -> null;
        };
    }

    /** A case event for integrators: what a departmental system needs to act, no full identity number. */
    static RelayMessageDTO event(CaseState s, String event, String center, String decidingCenter, String reason) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("number", s.number);
        p.put("status", s.status.name());
        p.put("itemCode", s.itemCode);
        p.put("itemVersion", Integer.toString(s.itemVersion));
        p.put("itemName", s.itemName);
        p.put("windowType", s.windowType);
        p.put("center", center);
        p.put("decidingCenter", decidingCenter);
        p.put("applicantName", IdNumbers.maskName(s.applicantName));
        p.put("applicantIdNumber", IdNumbers.mask(s.applicantIdNumber));
        if (s.promisedDate != null) {
            p.put("promisedDate", s.promisedDate.toString());
        }
        p.put("urgent", Boolean.toString(s.urgent));
        if (reason != null) {
            p.put("reason", reason);
        }
        RelayMessageDTO m = Outbox.message(RelayMessageDTO.EVENT, s.number, center, null, p);
        m.event = event;
        return m;
    }
}
