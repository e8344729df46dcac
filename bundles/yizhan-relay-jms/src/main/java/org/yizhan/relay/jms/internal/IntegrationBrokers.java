package org.yizhan.relay.jms.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

import javax.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Departments' JMS brokers for integrators' routes: for each {@code jms.<name>.url} (with
 * {@code jms.<name>.user} and {@code jms.<name>.password}) in {@code etc/org.yizhan.integration.cfg},
 * an Artemis connection factory offered to the routes as {@code #<name>}
 * ({@code sjms2:queue:...?connectionFactory=#<name>}). The password stays in etc/, out of the route
 * files and the logs. Changes apply at once.
 */
@Component(configurationPid = "org.yizhan.integration", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class IntegrationBrokers {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationBrokers.class);
    /** The service property by which the relay offers a bean to integrators' routes. */
    static final String BEAN_NAME = "yizhan.bean";

    private final BundleContext context;
    private final Map<String, Registered> registered = new HashMap<>();

    private record Registered(String url, String user, String password, ActiveMQConnectionFactory factory,
                              ServiceRegistration<?> registration) {
    }

    @Activate
    public IntegrationBrokers(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        configure(properties);
    }

    @Modified
    synchronized void configure(Map<String, Object> properties) {
        Map<String, String[]> wanted = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("jms.") && k.endsWith(".url") && v != null && !v.toString().isBlank()) {
                String name = k.substring(4, k.length() - 4);
                wanted.put(name, new String[] {v.toString().trim(), text(properties.get("jms." + name + ".user")),
                        text(properties.get("jms." + name + ".password"))});
            }
        });
        for (String name : Map.copyOf(registered).keySet()) {
            String[] w = wanted.get(name);
            Registered r = registered.get(name);
            if (w == null || !w[0].equals(r.url()) || !java.util.Objects.equals(w[1], r.user()) || !java.util.Objects.equals(w[2], r.password())) {
                close(registered.remove(name));
            }
        }
        wanted.forEach((name, w) -> {
            if (!registered.containsKey(name)) {
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(w[0], w[1], w[2]);
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(BEAN_NAME, name);
                registered.put(name, new Registered(w[0], w[1], w[2], factory,
                        // as a JMS connection factory, and as an object the relay's routes take by name
                        context.registerService(new String[] {ConnectionFactory.class.getName(), Object.class.getName()}, factory, props)));
                LOG.info("Department broker '{}' at {} offered to integration routes as #{} / 部门消息中间件可用", name, JmsRelay.shown(w[0]), name);
            }
        });
    }

    @Deactivate
    synchronized void stop() {
        registered.values().forEach(IntegrationBrokers::close);
        registered.clear();
    }

    private static void close(Registered r) {
        try {
            r.registration().unregister();
        } catch (IllegalStateException gone) {
            // already unregistered with the bundle
        }
        r.factory().close();
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }
}
