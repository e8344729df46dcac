package org.yizhan.core.internal.health;

import java.net.InetAddress;
import java.time.Instant;


import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.HealthDTO;
import org.yizhan.api.HealthService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.entity.PlatformStart;

/**
 * Records each start of the platform and answers health checks with a real query. It waits for
 * {@code PlatformSetup} (demo data or the first admin), so "UP" means accounts can sign in.
 */
@Component(service = HealthService.class, immediate = true, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlatformConfig.class)
public class HealthServiceImpl implements HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    private final Jpa jpa;
    private final String version;
    private final org.yizhan.core.internal.Cluster cluster;

    @Activate
    public HealthServiceImpl(@Reference Jpa jpa,
                             BundleContext context, PlatformConfig config,
                             @Reference org.yizhan.core.internal.setup.PlatformSetup setup,
                             @Reference org.yizhan.core.internal.Cluster cluster) {
        this.jpa = jpa;
        this.cluster = cluster;
        this.version = context.getBundle().getVersion().toString();
        String node = cluster.node();
        try {
            long id = jpa.tx(em -> {
                PlatformStart start = new PlatformStart(Instant.now(), version, node);
                em.persist(start);
                em.flush();
                return start.getId();
            });
            LOG.info("Yizhan {} started on node {} (start #{} recorded) / 一站平台已启动", version, node, id);
        } catch (RuntimeException e) {
            LOG.error("Could not record the platform start; the database may be down / 无法记录启动: {}", e.toString());
        }
    }

    @Override
    public HealthDTO check() {
        HealthDTO health = new HealthDTO();
        health.version = version;
        health.node = cluster.node();
        health.scheduler = cluster.runsScheduledWork();
        try {
            health.starts = jpa.read(em ->
                    em.createQuery("SELECT COUNT(s) FROM PlatformStart s", Long.class).getSingleResult());
            health.database = HealthDTO.UP;
            health.status = HealthDTO.UP;
        } catch (RuntimeException e) {
            LOG.warn("Health check: database query failed / 数据库查询失败: {}", e.toString());
            health.database = HealthDTO.DOWN;
            health.status = HealthDTO.DOWN;
            health.detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return health;
    }

}
