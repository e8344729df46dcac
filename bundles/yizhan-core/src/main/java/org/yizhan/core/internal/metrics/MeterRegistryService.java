package org.yizhan.core.internal.metrics;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * The one Micrometer registry of the container, with the JVM's meters, published as an OSGi
 * service ({@link MeterRegistry} and its Prometheus view) for every bundle that counts something.
 * It takes no configuration, so a settings change elsewhere never replaces it under the meters
 * other bundles have registered (a replaced registry served a scrape without them).
 */
@Component(service = {MeterRegistry.class, PrometheusMeterRegistry.class}, immediate = true)
public class MeterRegistryService extends PrometheusMeterRegistry {

    @Activate
    public MeterRegistryService() {
        super(PrometheusConfig.DEFAULT);
        // the JVM meters that need nothing of com.sun.management (which the framework does not export)
        new JvmMemoryMetrics().bindTo(this);
        new JvmThreadMetrics().bindTo(this);
        new ClassLoaderMetrics().bindTo(this);
        new ProcessorMetrics().bindTo(this);
        new UptimeMetrics().bindTo(this);
    }

    @Deactivate
    void stop() {
        close();
    }
}
