package org.yizhan.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What several nodes on one PostgreSQL database agree on, through the database itself (no
 * election of our own):
 * <ul>
 * <li>who runs the scheduled work (e-supervision's scan, the outbox dispatcher, the retention
 * pass): the node holding PostgreSQL's session advisory lock {@value #SCHEDULER_LOCK}, taken on a
 * connection of its own; when that node stops or dies, PostgreSQL ends its session and releases the
 * lock, and another node, trying every {@value #TRY_MILLIS} ms, takes it;</li>
 * <li>reference data changed on one node (window switches, accounts and roles, item versions,
 * posts): {@code NOTIFY} on channel {@value #CHANNEL} after the change commits; every node
 * {@code LISTEN}s on that same connection and forgets the entry at once (within the
 * {@value #WAIT_MILLIS} ms it waits for notifications), the caches' time limits staying only as
 * a backstop;</li>
 * <li>one-time setup (the demo county, the first admin) under a blocking advisory lock, so nodes
 * started together make it once.</li>
 * </ul>
 * On embedded Derby there is one node: it runs everything and notifies nobody.
 */
@Component(service = Cluster.class, immediate = true)
public final class Cluster {

    static final String CHANNEL = "yizhan_changes";
    static final long SCHEDULER_LOCK = 0x59495a48414e0001L;   // "YIZHAN" + 1
    static final int TRY_MILLIS = 1000;
    static final int WAIT_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final Database database;
    private final ConfigurationAdmin configs;
    private final BundleContext context;
    private final String node;
    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean leads;
    private volatile Connection own;
    private final Thread thread;

    @Activate
    public Cluster(@Reference Database database, @Reference ConfigurationAdmin configs, BundleContext context) throws java.io.IOException {
        this.database = database;
        this.configs = configs;
        this.context = context;
        // the node setting of etc/org.yizhan.platform.cfg, read once (a change of that file must not restart what depends on this)
        Dictionary<String, Object> platform = configs.getConfiguration(PlatformConfig.PID, "?").getProperties();
        Object configured = platform == null ? null : platform.get("node");
        String name = configured == null || configured.toString().isBlank() ? hostName() : configured.toString().trim();
        // a start's own suffix on a shared database: two nodes given the same name still tell their messages apart
        this.node = database.shared() ? name + "-" + UUID.randomUUID().toString().substring(0, 6) : name;
        if (database.shared()) {
            thread = new Thread(this::listen, "yizhan-cluster");
            thread.setDaemon(true);
            thread.start();
        } else {
            leads = true;
            thread = null;
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopped.countDown();
        Connection c = own;
        if (c != null) {
            try {
                c.close();   // ends the session: the scheduler lock goes to another node at once
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    /** This node's name: the node setting (or the host's name), with a start's random suffix on a shared database. */
    public String node() {
        return node;
    }

    /** True when this node runs the scheduled work now (always on Derby). */
    public boolean runsScheduledWork() {
        return leads;
    }

    /** After this node committed a change to {@code cache}'s entry {@code key} (null: all of it), tells the other nodes. */
    public void changed(String cache, String key) {
        if (!database.shared()) {
            return;
        }
        String payload = node + "\t" + cache + "\t" + (key == null ? "" : key);
        if (payload.getBytes(StandardCharsets.UTF_8).length > 7_000) {
            payload = node + "\t" + cache + "\t";
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            s.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (Exception e) {
            LOG.warn("Could not tell the other nodes that {} changed; they see it within their cache time / 未能通知其他节点: {}", cache, e.toString());
        }
    }

    /**
     * {@code forget} runs with the key another node changed (null: everything in {@code cache});
     * one per cache name, the last registered (a restarted service's) replacing the one before.
     */
    public void onChange(String cache, Consumer<String> forget) {
        listeners.put(cache, forget);
    }

    /** Runs {@code work} while no other node runs work under the same name (a blocking advisory lock on PostgreSQL; on Derby, at once). */
    public void exclusive(String name, Runnable work) {
        if (!database.shared()) {
            work.run();     // one node: nobody else to wait for
            return;
        }
        try (Connection c = connect()) {
            holding(c, name, () -> {
                work.run();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cluster lock '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Work that may throw, run while an advisory lock is held. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} holding PostgreSQL's session advisory lock {@code name} on connection
     * {@code c} (waiting for it), and releases it after, so the connection may go back to a pool.
     */
    static <T> T holding(Connection c, String name, Locked<T> work) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            s.setLong(1, lockKey(name));
            s.execute();
        }
        try {
            return work.run();
        } finally {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, lockKey(name));
                s.execute();
            }
        }
    }

    static long lockKey(String name) {
        return SCHEDULER_LOCK ^ ((long) name.hashCode() << 16);
    }

    /** The listening thread: one connection of its own, LISTEN, try the scheduler lock, wait for notifications. */
    private void listen() {
        long backoff = 1_000;
        boolean warned = false;
        while (stopped.getCount() > 0) {
            try (Connection c = connect()) {
                own = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                Method poll = c.getClass().getMethod("getNotifications", int.class);
                // whatever changed while this node was not listening
                forgetAll();
                if (warned) {
                    LOG.info("Cluster connection back / 集群连接已恢复");
                    warned = false;
                }
                backoff = 1_000;
                long nextTry = 0;
                while (stopped.getCount() > 0) {
                    if (!leads && System.nanoTime() - nextTry >= 0) {
                        tryLead(c);
                        nextTry = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRY_MILLIS);
                    }
                    Object[] notes = (Object[]) poll.invoke(c, WAIT_MILLIS);
                    if (notes != null) {
                        for (Object n : notes) {
                            deliver(String.valueOf(n.getClass().getMethod("getParameter").invoke(n)));
                        }
                    }
                }
            } catch (Exception e) {
                if (stopped.getCount() == 0) {
                    break;      // the node is stopping: its connection was closed on purpose
                }
                if (leads) {
                    LOG.warn("Cluster connection lost: this node no longer runs the scheduled work / 集群连接中断，本节点停止执行定时任务: {}",
                            cause(e));
                } else if (!warned) {
                    LOG.warn("Cluster connection failed, retrying / 集群连接失败，正在重试: {}", cause(e));
                }
                warned = true;
                leads = false;
            } finally {
                own = null;
            }
            try {
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, 10_000);
        }
        leads = false;
    }

    private static String cause(Exception e) {
        Throwable t = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
        return t.toString();
    }

    private void tryLead(Connection c) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, SCHEDULER_LOCK);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getBoolean(1)) {
                    leads = true;
                    LOG.info("Node {} now runs the scheduled work (e-supervision scan, outbox, retention) / 本节点负责定时任务", node);
                }
            }
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split("\t", 3);
        if (parts.length < 3 || parts[0].equals(node)) {
            return;
        }
        Consumer<String> forget = listeners.get(parts[1]);
        if (forget != null) {
            forget.accept(parts[2].isEmpty() ? null : parts[2]);
        }
    }

    private void forgetAll() {
        listeners.values().forEach(f -> f.accept(null));
    }

    /**
     * A connection outside the pool (it is held for as long as the node runs), made by the JDBC
     * driver's DataSourceFactory from the same data source configuration.
     */
    private Connection connect() throws java.sql.SQLException {
        try {
            Configuration[] found = configs.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=yizhan))");
            if (found == null || found.length == 0) {
                throw new java.sql.SQLException("no data source configuration 'yizhan' (etc/org.ops4j.datasource-yizhan.cfg)");
            }
            Dictionary<String, Object> p = found[0].getProperties();
            Connection c = DriverConnections.connect(context, p::get, Map.of("ApplicationName", "yizhan-cluster " + node, "tcpKeepAlive", "true"));
            c.setAutoCommit(true);
            return c;
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new java.sql.SQLException(e);
        }
    }
}
