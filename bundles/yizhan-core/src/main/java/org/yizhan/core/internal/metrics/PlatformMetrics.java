package org.yizhan.core.internal.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.stats.Tallies;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The platform's own gauges in the container's registry ({@link MeterRegistryService}, whose
 * Prometheus view the HTTP layer serves at {@code /metrics}): counted from the database every {@value #PERIOD_SECONDS} seconds (on Karaf's scheduler, so a
 * scrape never waits on a query), open cases by status and the center that holds them, alerts by
 * kind and level, and the outbox's waiting messages and dead letters. Other bundles add their
 * own meters to the same registry: HTTP requests, relay latency.
 */
@Component(service = {}, immediate = true, configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PlatformMetrics {

    static final long PERIOD_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(PlatformMetrics.class);
    private static final List<String> OPEN = Stream.of(CaseStatus.values()).filter(CaseStatus::open).map(Enum::name).toList();

    private final Jpa jpa;
    private final NetworkService network;
    private final ZoneId zone;
    private final MeterRegistry registry;
    /** The gauges this component registered, removed when it stops. */
    private final List<io.micrometer.core.instrument.Meter> meters = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Each gauge's value by its tags; a combination once seen stays (at 0 when it has nothing), so a series never vanishes and comes back. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> values = new java.util.concurrent.ConcurrentHashMap<>();
    private final ServiceRegistration<Runnable> schedule;

    @Activate
    public PlatformMetrics(@Reference Jpa jpa, @Reference NetworkService network, @Reference MeterRegistry registry, PlatformConfig config,
            BundleContext context) {
        this.jpa = jpa;
        this.network = network;
        this.registry = registry;
        this.zone = ZoneId.of(config.zone());
        Dictionary<String, Object> job = new Hashtable<>();
        job.put("scheduler.name", "yizhan-metrics");
        job.put("scheduler.period", PERIOD_SECONDS);
        job.put("scheduler.concurrent", Boolean.FALSE);
        schedule = context.registerService(Runnable.class, this::refreshQuietly, job);
    }

    /** Takes this component's gauges out of the registry, so those of its next activation (new settings) are the ones read. */
    @Deactivate
    void stop() {
        schedule.unregister();
        meters.forEach(registry::remove);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Metrics not counted this time / 指标统计失败", e);
        }
    }

    private static final String CASES = "yizhan.cases.open";
    private static final String CASES_HELP = "Open cases by status and the center that holds them";
    private static final String ALERTS = "yizhan.alerts";
    private static final String ALERTS_HELP = "Open alerts by kind (case, rectification, complaint) and level";
    private static final String OUTBOX = "yizhan.outbox.messages";
    private static final String OUTBOX_HELP = "Outbox messages not delivered: waiting (pending) and dead letters (dead)";

    /** Sets a gauge's series: those counted now to their counts, those seen before and not now to 0. */
    private void set(String name, String help, Map<Tags, Long> now) {
        String prefix = name + "|";
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                value.set(0);
            }
        });
        now.forEach((tags, count) -> values.computeIfAbsent(prefix + tags, k -> {
            java.util.concurrent.atomic.AtomicLong holder = new java.util.concurrent.atomic.AtomicLong();
            meters.add(io.micrometer.core.instrument.Gauge.builder(name, holder, java.util.concurrent.atomic.AtomicLong::get)
                    .description(help).tags(tags).strongReference(true).register(registry));
            return holder;
        }).set(count));
    }

    /** Counts open cases, alerts and the outbox now. */
    void refresh() {
        Map<Long, String> codes = new HashMap<>();
        for (CenterDTO c : network.centers()) {
            codes.put(c.id, c.code);
        }
        String today = LocalDate.now(zone).toString();
        // everything is counted first and set after, so a scrape meanwhile sees the last complete count
        Map<String, Map<Tags, Long>> counted = jpa.read(em -> {
            Map<Tags, Long> cases = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT c.status, c.centerId, COUNT(c) FROM CaseEntity c WHERE c.status IN :open"
                    + " GROUP BY c.status, c.centerId", Object[].class).setParameter("open", OPEN).getResultList()) {
                cases.put(Tags.of("status", (String) row[0], "center", codes.getOrDefault(((Number) row[1]).longValue(), String.valueOf(row[1]))),
                        ((Number) row[2]).longValue());
            }

            Map<String, Long> levels = new HashMap<>(Map.of("RED", 0L, "YELLOW", 0L));
            for (Object[] row : em.createQuery("SELECT c.alertLevel, COUNT(c) FROM CaseEntity c WHERE c.alertLevel IS NOT NULL"
                    + " GROUP BY c.alertLevel", Object[].class).getResultList()) {
                levels.put((String) row[0], ((Number) row[1]).longValue());
            }
            long[] rect = Tallies.rectificationAlerts(em, codes.keySet(), today);
            long[] complaints = Tallies.complaintAlerts(em, codes.keySet(), today);
            Map<Tags, Long> alerts = Map.of(
                    Tags.of("kind", "case", "level", "red"), levels.get("RED"),
                    Tags.of("kind", "case", "level", "yellow"), levels.get("YELLOW"),
                    Tags.of("kind", "rectification", "level", "red"), rect[0],
                    Tags.of("kind", "rectification", "level", "yellow"), rect[1],
                    Tags.of("kind", "complaint", "level", "red"), complaints[0],
                    Tags.of("kind", "complaint", "level", "yellow"), complaints[1]);

            Map<String, Long> states = new HashMap<>(Map.of(OutboxMessageDTO.PENDING, 0L, OutboxMessageDTO.DEAD, 0L));
            for (Object[] row : em.createQuery("SELECT o.state, COUNT(o) FROM OutboxEntity o WHERE o.state <> :sent GROUP BY o.state",
                    Object[].class).setParameter("sent", OutboxMessageDTO.SENT).getResultList()) {
                states.put((String) row[0], ((Number) row[1]).longValue());
            }
            return Map.of(CASES, cases, ALERTS, alerts, OUTBOX, Map.of(Tags.of("state", "pending"), states.get(OutboxMessageDTO.PENDING),
                    Tags.of("state", "dead"), states.get(OutboxMessageDTO.DEAD)));
        });
        set(CASES, CASES_HELP, counted.get(CASES));
        set(ALERTS, ALERTS_HELP, counted.get(ALERTS));
        set(OUTBOX, OUTBOX_HELP, counted.get(OUTBOX));
    }
}
