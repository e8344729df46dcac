package org.yizhan.core.internal;

import java.sql.Connection;
import java.util.Dictionary;
import java.util.Hashtable;
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
@Component(service = Database.class, immediate = true)
public final class Database {

    static final String JPA_PID = "org.apache.aries.jpa.yizhan";
    static final String DICTIONARY = "openjpa.jdbc.DBDictionary";
    /** The persistence unit's own (persistence.xml). */
    static final String DEFAULT_DICTIONARY = "derby";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final BundleContext context;
    private final String dictionary;
    private final String product;
    private ServiceRegistration<Jpa> jpa;
    private EntityManagerFactory emf;
    private Object emfDictionary;

    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=yizhan)") DataSource dataSource,
                    @Reference ConfigurationAdmin configs, BundleContext context) throws Exception {
        this.dataSource = dataSource;
        this.context = context;
        try (Connection c = dataSource.getConnection()) {
            this.product = c.getMetaData().getDatabaseProductName();
        }
        this.dictionary = dictionaryFor(product);
        Configuration jpaConfig = configs.getConfiguration(JPA_PID, "?");
        Dictionary<String, Object> props = jpaConfig.getProperties();
        Object configured = props == null ? null : props.get(DICTIONARY);
        if (!dictionary.equals(configured == null ? DEFAULT_DICTIONARY : configured.toString())) {
            Dictionary<String, Object> updated = props == null ? new Hashtable<>() : props;
            updated.put(DICTIONARY, dictionary);
            jpaConfig.update(updated);
            LOG.info("Database is {}: the persistence unit now speaks its dialect ({}) / 数据库方言已设置", product, dictionary.replaceAll("\\(.*", ""));
        }
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
    synchronized void bindEmf(EntityManagerFactory factory, Map<String, Object> props) {
        Object d = props.getOrDefault(DICTIONARY, DEFAULT_DICTIONARY);
        if (dictionary != null && dictionary.equals(String.valueOf(d)) && jpa == null) {
            emf = factory;
            emfDictionary = d;
            jpa = context.registerService(Jpa.class, new Jpa(factory), null);
        }
    }

    synchronized void unbindEmf(EntityManagerFactory factory) {
        if (factory == emf && jpa != null) {
            jpa.unregister();
            jpa = null;
            emf = null;
            emfDictionary = null;
        }
    }

    @Deactivate
    synchronized void stop() {
        if (jpa != null) {
            try {
                jpa.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            jpa = null;
        }
    }

    @Override
    public String toString() {
        return product + " (" + emfDictionary + ")";
    }
}
