package org.yizhan.relay.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etc/org.yizhan.integration.cfg}: which integrator's route may act on which cases,
 * {@code allow.<routeId> = <windowType>:<action>, ...} ({@code *} for any window type), read live;
 * nothing is allowed by default. Also the values route files name as {@code {{name}}}:
 * {@code property.<name> = value} (a department's host, account and password stay out of the
 * route files).
 */
@Component(service = IntegrationAllow.class, configurationPid = IntegrationAllow.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class IntegrationAllow {

    static final String PID = "org.yizhan.integration";
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationAllow.class);

    private volatile Map<String, Set<String>> allowed = Map.of();
    private volatile Map<String, String> properties = Map.of();

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("property.") && v != null) {
                values.put(k.substring("property.".length()), v.toString());
            }
            if (k.startsWith("allow.") && v != null) {
                Set<String> pairs = new HashSet<>();
                for (String p : v.toString().split(",")) {
                    if (!p.isBlank()) {
                        pairs.add(p.trim());
                    }
                }
                next.put(k.substring("allow.".length()), pairs);
            }
        });
        allowed = Map.copyOf(next);
        this.properties = Map.copyOf(values);
        LOG.info("Integration routes allowed to act on cases: {} / 集成路由授权", allowed.isEmpty() ? "none 无" : allowed);
    }

    /** A value route files name as {@code {{name}}}, or null. */
    String property(String name) {
        return properties.get(name);
    }

    /** Whether the route may take {@code action} on a case of {@code windowType}. */
    boolean allows(String routeId, String windowType, String action) {
        Set<String> pairs = routeId == null ? null : allowed.get(routeId);
        return pairs != null && (pairs.contains(windowType + ":" + action) || pairs.contains("*:" + action));
    }
}
