package org.yizhan.core.internal;

import java.sql.Connection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which database the platform is on, read from the database itself, and the persistence unit
 * told the same before anything uses it. An operator chooses PostgreSQL by the data source alone
 * (etc/org.ops4j.datasource-yizhan.cfg); the persistence unit names Derby's dialect (so a normal
 * start probes nothing), and when the data source answers as another product this component sets
 * that product's dialect in the persistence unit's configuration ({@value #JPA_PID}), which makes
 * Aries JPA replace its factory. {@link Jpa} is registered only while the factory in service
 * speaks the database's dialect: no unit of work ever runs, and no schema is ever built, with the
 * wrong one.
 */
@Component(service = {}, immediate = true)
public final class Database {

    static final String JPA_PID = "org.apache.aries.jpa.yizhan";
    static final String DICTIONARY = "openjpa.jdbc.DBDictionary";
    /** The persistence unit's own (persistence.xml). */
    static final String DEFAULT_DICTIONARY = "derby";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final BundleContext context;
    private final ConfigurationAdmin configs;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile String dictionary;
    private volatile String product;
    private ServiceRegistration<Database> self;
    private ServiceRegistration<Jpa> jpa;
    /** The persistence unit's factory in service, and the dictionary it was made with. */
    private EntityManagerFactory emf;
    private Object emfDictionary;
    /** A registration of {@link Jpa} under way (outside the lock). */
    private boolean publishing;

    /**
     * Asks the database what it is; while it does not answer (a node started before its database
     * server), asks again every 5 s, and the platform waits.
     */
    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=yizhan)") DataSource dataSource,
                    @Reference ConfigurationAdmin configs, BundleContext context) {
        this.dataSource = dataSource;
        this.context = context;
        this.configs = configs;
        if (!probe(false)) {
            Thread retry = new Thread(() -> {
                try {
                    while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS) && !probe(true)) {
                        // asked again in 5 s
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "yizhan-database-probe");
            retry.setDaemon(true);
            retry.start();
        }
    }

    /** True once the database answered and the persistence unit was told its dialect. */
    private boolean probe(boolean again) {
        String p;
        try (Connection c = dataSource.getConnection()) {
            p = c.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException | RuntimeException e) {
            if (!again) {
                LOG.warn("The database does not answer yet; asking again every 5 s / 数据库暂无响应，每 5 秒重试: {}", e.toString());
            }
            return false;
        }
        String d = dictionaryFor(p);
        try {
            Configuration jpaConfig = configs.getConfiguration(JPA_PID, "?");
            Dictionary<String, Object> props = jpaConfig.getProperties();
            Object configured = props == null ? null : props.get(DICTIONARY);
            if (!d.equals(configured == null ? DEFAULT_DICTIONARY : configured.toString())) {
                Dictionary<String, Object> updated = props == null ? new Hashtable<>() : props;
                updated.put(DICTIONARY, d);
                jpaConfig.update(updated);
                LOG.info("Database is {}: the persistence unit now speaks its dialect ({}) / 数据库方言已设置", p, d.replaceAll("\\(.*", ""));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (again) {
            LOG.info("The database answers ({}) / 数据库已响应", p);
        }
        product = p;
        dictionary = d;
        // registered outside this object's lock: registering activates the platform's components on this
        // thread, while Aries JPA may be replacing its factory (bindEmf, unbindEmf) on another
        if (stopped.getCount() > 0) {
            ServiceRegistration<Database> r = context.registerService(Database.class, this, null);
            synchronized (this) {
                self = r;
            }
            publishJpa();
        }
        return true;
    }

    /**
     * PostgreSQL's dialect, with one statement of it replaced: reading the schema at a start,
     * OpenJPA asks which column owns each sequence by guessing table and column from the
     * sequence's name ({@code yz_ledger_id_seq}: first table {@code yz}), and PostgreSQL logs every
     * wrong guess as an ERROR. This asks the same only of a table and column that exist.
     */
    static final String POSTGRES = "postgres(IsOwnedSequenceSQL=\"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM pg_attribute"
            + " WHERE attrelid = to_regclass(p.t) AND attname = p.c AND NOT attisdropped) THEN NULL ELSE pg_get_serial_sequence(p.t, p.c) END"
            + " FROM (SELECT CAST(? AS text) AS t, CAST(? AS text) AS c) p\")";

    /** OpenJPA's dictionary for a database product (JDBC's product name). */
    static String dictionaryFor(String product) {
        String p = Objects.requireNonNullElse(product, "").toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRES;
        }
        if (p.contains("derby")) {
            return "derby";
        }
        throw new IllegalStateException("Unsupported database '" + product + "': the platform runs on Apache Derby or PostgreSQL");
    }

    /** True on PostgreSQL (several nodes can share it); false on embedded Derby (one node). */
    public boolean shared() {
        return dictionary.startsWith("postgres");
    }

    public String product() {
        return product;
    }

    /** The pooled data source, for the few statements that are not entities' (cluster locks, notifications). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Reference(target = "(osgi.unit.name=yizhan)", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEmf(EntityManagerFactory factory, Map<String, Object> props) {
        synchronized (this) {
            emf = factory;
            emfDictionary = props.getOrDefault(DICTIONARY, DEFAULT_DICTIONARY);
        }
        publishJpa();
    }

    void unbindEmf(EntityManagerFactory factory) {
        ServiceRegistration<Jpa> gone = null;
        synchronized (this) {
            if (factory == emf) {
                emf = null;
                emfDictionary = null;
                gone = jpa;
                jpa = null;
            }
        }
        if (gone != null) {
            gone.unregister();
        }
    }

    /**
     * Registers {@link Jpa} when the factory in service speaks the database's dialect. The
     * registration (which activates the platform's components on this thread) happens outside
     * this object's lock; a factory replaced meanwhile takes its registration back.
     */
    private void publishJpa() {
        EntityManagerFactory factory;
        synchronized (this) {
            if (jpa != null || publishing || emf == null || dictionary == null || !dictionary.equals(String.valueOf(emfDictionary))
                    || stopped.getCount() == 0) {
                return;
            }
            factory = emf;
            publishing = true;
        }
        ServiceRegistration<Jpa> r = null;
        try {
            schema(factory);
            r = context.registerService(Jpa.class, new Jpa(factory), null);
        } finally {
            boolean keep;
            synchronized (this) {
                publishing = false;
                keep = r != null && emf == factory && stopped.getCount() > 0;
                if (keep) {
                    jpa = r;
                }
            }
            if (!keep && r != null) {
                r.unregister();
            }
        }
        // the factory may have changed to another that fits while this one was being registered
        publishJpa();
    }

    /**
     * The schema brought to this release's version ({@link Migrations}) before the factory makes
     * its first entity manager: on a shared database one node at a time (a session advisory lock),
     * so nodes started together, or a node of the new release started beside one of the old,
     * never apply the same step twice.
     */
    private void schema(EntityManagerFactory factory) {
        long t0 = System.nanoTime();
        int applied;
        try (Connection c = dataSource.getConnection()) {
            try {
                applied = shared() ? Cluster.holding(c, "schema", () -> Migrations.update(c)) : Migrations.update(c);
            } finally {
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        } catch (Exception e) {
            LOG.error("The database schema could not be brought to this release: {} / 数据库结构升级失败", e.toString(), e);
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
        }
        if (applied > 0) {
            LOG.info("Database schema: {} step(s) applied in {} ms ({}) / 数据库结构已升级", applied,
                    (System.nanoTime() - t0) / 1_000_000, Migrations.CHANGELOG);
        }
        factory.createEntityManager().close();
    }

    @Deactivate
    void stop() {
        stopped.countDown();
        List<ServiceRegistration<?>> gone = new java.util.ArrayList<>();
        synchronized (this) {
            if (jpa != null) {
                gone.add(jpa);
            }
            if (self != null) {
                gone.add(self);
            }
            jpa = null;
            self = null;
        }
        for (ServiceRegistration<?> r : gone) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }

    @Override
    public String toString() {
        return product + " (" + emfDictionary + ")";
    }
}
