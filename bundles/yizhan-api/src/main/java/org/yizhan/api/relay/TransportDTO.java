package org.yizhan.api.relay;

/** How messages reach one center: {@code local}, {@code https://host:port/api/v1} or {@code jms:<queue>}. */
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
        if (t.equals(LOCAL) || t.matches("https://[^\\s/?#]+(/[^\\s?#]*)?") || t.matches("jms:[A-Za-z0-9._-]+")) {
            return null;
        }
        if (t.startsWith("http://")) {
            return "'" + t + "': relay between containers is over HTTPS only (https://host:8443/api/v1, the peer's certificate in"
                    + " etc/yizhan-truststore.p12), so case data never crosses the network in clear";
        }
        return "'" + t + "' is not a transport: use 'local', 'https://host:port/api/v1' or 'jms:<queue>'";
    }
}
