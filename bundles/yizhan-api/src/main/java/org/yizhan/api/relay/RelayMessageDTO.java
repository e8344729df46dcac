package org.yizhan.api.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message between centers or to integrators. {@code id} is the idempotency key: a receiver
 * that has seen it answers "duplicate" and changes nothing.
 */
public class RelayMessageDTO {
    /** Case travels up one hop: payload is the case. */
    public static final String RELAY_UP = "RELAY_UP";
    /** A center took a hop: payload names its receipt. */
    public static final String RELAY_RECEIPT = "RELAY_RECEIPT";
    /** The decision travels down: payload has the status and the reason. */
    public static final String RELAY_REPLY = "RELAY_REPLY";
    /** A case event offered to integrators' routes. */
    public static final String EVENT = "EVENT";
    /** An action an integrator's route handed in and the platform refused, kept to be replayed: payload has the route, message id and body. */
    public static final String ACTION = "ACTION";

    public String id;
    public String kind;
    public String caseNumber;
    /** Code of the center that sends it. */
    public String fromCenter;
    /** Code of the center it is for (none for {@link #EVENT}). */
    public String toCenter;
    /** For {@link #EVENT}: created, accepted, approved, denied, delivered, relayed. */
    public String event;
    public long createdAtMillis;
    public Map<String, String> payload = new LinkedHashMap<>();
}
