package org.yizhan.relay.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.yizhan.api.relay.TransportDTO;

/** Which transport reaches each center: {@code local} unless the configuration names another. */
final class Transports {
    static final String LOCAL = TransportDTO.LOCAL;
    static final String PREFIX = "center.";

    private final Map<String, String> byCenter;

    private Transports(Map<String, String> byCenter) {
        this.byCenter = Collections.unmodifiableMap(byCenter);
    }

    static Transports from(Map<String, ?> properties) {
        Map<String, String> m = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && v != null && !v.toString().isBlank()) {
                m.put(k.substring(PREFIX.length()), validate(k, v.toString().trim()));
            }
        });
        return new Transports(m);
    }

    static String validate(String key, String t) {
        String problem = TransportDTO.problem(t);
        if (problem != null) {
            throw new IllegalArgumentException(key + ": " + problem);
        }
        return t;
    }

    String of(String center) {
        return byCenter.getOrDefault(center, LOCAL);
    }

    /** local, http or jms. */
    static String scheme(String transport) {
        if (transport.startsWith("http")) {
            return "http";
        }
        int colon = transport.indexOf(':');
        return colon < 0 ? transport : transport.substring(0, colon);
    }

    Map<String, String> all() {
        return byCenter;
    }
}
