package org.yizhan.api.relay;

/** How messages reach one center: {@code local}, {@code http://host:port/api/v1} or {@code jms:<queue>}. */
public class TransportDTO {
    public static final String LOCAL = "local";

    public String centerCode;
    public String transport;
    public long pending;
    public long dead;

    /** Null when the transport is well-formed, else why not. */
    public static String problem(String transport) {
        if (transport == null || transport.isBlank()) {
            return "a transport is required";
        }
        String t = transport.trim();
        if (t.equals(LOCAL) || t.matches("https?://[^\\s/]+(/\\S*)?") || t.matches("jms:[A-Za-z0-9._-]+")) {
            return null;
        }
        return "'" + t + "' is not a transport: use 'local', 'http(s)://host:port/api/v1' or 'jms:<queue>'";
    }
}
