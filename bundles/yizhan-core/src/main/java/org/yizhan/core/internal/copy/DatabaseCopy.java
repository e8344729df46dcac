package org.yizhan.core.internal.copy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.DatabaseCopyDTO;
import org.yizhan.api.DatabaseCopyService;
import org.yizhan.api.YizhanException;
import org.yizhan.core.internal.Database;
import org.yizhan.core.internal.DriverConnections;
import org.yizhan.core.internal.Migrations;
import org.yizhan.core.internal.audit.AuditLog;

/**
 * Moves an installation's data to PostgreSQL (an embedded Derby installation that outgrew one
 * box): the target's schema is brought to this release's version by the same migrations a start
 * runs, then every platform table is copied in one transaction on the target while this side
 * holds a share lock on each table (reads go on, writes wait), so the copy is one consistent
 * moment of the source. Row counts are compared on both sides before the target commits;
 * anything wrong and the target is rolled back, as empty as it was.
 */
@Component(service = DatabaseCopyService.class)
public final class DatabaseCopy implements DatabaseCopyService {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCopy.class);
    private static final int BATCH = 500;

    private final Database database;
    private final AuditLog audit;
    private final BundleContext context;

    @Activate
    public DatabaseCopy(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this.database = database;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public DatabaseCopyDTO copyTo(Caller caller, Map<String, String> settings, Consumer<String> progress) {
        if (!caller.has(Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only a county administrator moves the database", "仅县级管理员可迁移数据库");
        }
        String url = settings.getOrDefault("url", "").trim();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw YizhanException.badInput("url", "url must name a PostgreSQL database (jdbc:postgresql://host:5432/yizhan)",
                    "url 须为 PostgreSQL 数据库地址（jdbc:postgresql://主机:5432/yizhan）");
        }
        if (!"PostgreSQL JDBC Driver".equals(settings.get("osgi.jdbc.driver.name"))) {
            throw YizhanException.badInput("osgi.jdbc.driver.name", "osgi.jdbc.driver.name must be 'PostgreSQL JDBC Driver'",
                    "osgi.jdbc.driver.name 须为 PostgreSQL JDBC Driver");
        }
        long t0 = System.nanoTime();
        DatabaseCopyDTO report = new DatabaseCopyDTO();
        report.url = url;
        report.from = database.product();
        try (Connection target = DriverConnections.connect(context, settings::get, Map.of("ApplicationName", "yizhan-database-copy"))) {
            report.to = target.getMetaData().getDatabaseProductName() + " " + target.getMetaData().getDatabaseProductVersion();
            target.setAutoCommit(true);
            int steps = Migrations.update(target);
            progress.accept("Target schema at this release's version (" + steps + " step(s) applied) / 目标库结构已就绪");
            target.setAutoCommit(false);
            try (Connection source = database.dataSource().getConnection()) {
                List<String> tables = platformTables(source);
                for (String t : tables) {
                    if (count(target, t.toLowerCase(Locale.ROOT)) > 0) {
                        throw YizhanException.conflict("NOT_EMPTY", "The target database already holds the platform's data (table " + t
                                + " has rows): copy only into an empty database", "目标数据库已有平台数据（表 " + t + "），只能迁入空库");
                    }
                }
                // the move is recorded before the copy, so the target has the entry too
                audit.record(caller.user(), "DATABASE_COPY", url, "all tables to " + report.to, caller.source());
                source.setAutoCommit(false);
                try {
                    for (String t : tables) {
                        try (Statement s = source.createStatement()) {
                            s.execute("LOCK TABLE " + t + " IN SHARE MODE");
                        }
                    }
                    for (String t : tables) {
                        long rows = copy(source, target, t);
                        report.rows.put(t, rows);
                        progress.accept(String.format("%-22s %,10d rows", t, rows));
                    }
                    continueSequences(target);
                    for (String t : tables) {
                        long there = count(target, t.toLowerCase(Locale.ROOT));
                        long here = count(source, t);
                        if (there != here || there != report.rows.get(t)) {
                            throw new SQLException(t + ": " + here + " rows here, " + there + " in the target");
                        }
                    }
                    target.commit();
                } catch (SQLException | RuntimeException e) {
                    target.rollback();
                    throw e;
                } finally {
                    source.rollback();
                }
            }
        } catch (SQLException e) {
            LOG.error("Database copy to {} failed, the target is unchanged: {} / 数据库迁移失败，目标库未改动", url, e.toString());
            throw YizhanException.refused("url", "The copy failed and the target is unchanged: " + e.getMessage(),
                    "迁移失败，目标库未改动：" + e.getMessage());
        } catch (YizhanException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("Database copy to {} failed, the target is unchanged: {} / 数据库迁移失败，目标库未改动", url, e.toString(), e);
            throw YizhanException.refused("url", "The copy failed and the target is unchanged: " + e, "迁移失败，目标库未改动：" + e);
        }
        report.millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Database copied to {} ({}): {} rows in {} tables, {} ms / 数据库已迁移", url, report.to,
                report.rows.values().stream().mapToLong(Long::longValue).sum(), report.rows.size(), report.millis);
        return report;
    }

    /** The platform's tables in the source's current schema (Liquibase's own two are the target's). */
    static List<String> platformTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME");
                if (name.toUpperCase(Locale.ROOT).startsWith("YZ_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Copies one table's rows, column by column by name, in batches. */
    private static long copy(Connection source, Connection target, String table) throws SQLException {
        String into = table.toLowerCase(Locale.ROOT);
        Map<String, Integer> targetTypes = new LinkedHashMap<>();
        try (ResultSet r = target.getMetaData().getColumns(null, target.getSchema(), into, "%")) {
            while (r.next()) {
                targetTypes.put(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), r.getInt("DATA_TYPE"));
            }
        }
        if (targetTypes.isEmpty()) {
            throw new SQLException("the target has no table " + into);
        }
        long rows = 0;
        try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData m = r.getMetaData();
            int n = m.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String col = targetColumn(m.getColumnName(i).toLowerCase(Locale.ROOT), targetTypes);
                if (col == null) {
                    throw new SQLException("the target's table " + into + " has no column " + m.getColumnName(i));
                }
                columns.add(col);
            }
            String insert = "INSERT INTO " + into + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement p = target.prepareStatement(insert)) {
                while (r.next()) {
                    for (int i = 1; i <= n; i++) {
                        bind(p, i, r, m.getColumnType(i), targetTypes.get(columns.get(i - 1)));
                    }
                    p.addBatch();
                    if (++rows % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                if (rows % BATCH != 0) {
                    p.executeBatch();
                }
            }
        }
        return rows;
    }

    /**
     * The target's name of a column: the same, or without the 0 the persistence layer appends to a
     * name one database reserves and the other does not (Derby's CURRENT0 is PostgreSQL's current).
     */
    static String targetColumn(String column, Map<String, Integer> target) {
        if (target.containsKey(column)) {
            return column;
        }
        if (column.endsWith("0") && target.containsKey(column.substring(0, column.length() - 1))) {
            return column.substring(0, column.length() - 1);
        }
        return null;
    }

    /** One value, converted where the two databases store it differently (Derby's booleans are SMALLINT, long texts CLOB). */
    private static void bind(PreparedStatement p, int i, ResultSet r, int from, int to) throws SQLException {
        if (to == Types.BOOLEAN || to == Types.BIT) {
            Object v = r.getObject(i);
            if (v == null) {
                p.setNull(i, Types.BOOLEAN);
            } else {
                p.setBoolean(i, v instanceof Boolean b ? b : ((Number) v).intValue() != 0);
            }
        } else if (from == Types.CLOB || from == Types.NCLOB || from == Types.LONGVARCHAR) {
            p.setString(i, r.getString(i));
        } else {
            Object v = r.getObject(i);
            if (v == null) {
                p.setNull(i, to);
            } else {
                p.setObject(i, v);
            }
        }
    }

    /** Each sequence behind a generated key (the ledger's) continues after the highest key copied. */
    private static void continueSequences(Connection target) throws SQLException {
        List<String[]> serial = new ArrayList<>();
        try (Statement s = target.createStatement(); ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'")) {
            while (r.next()) {
                serial.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        for (String[] tc : serial) {
            try (Statement s = target.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + tc[0] + "', '" + tc[1] + "'), COALESCE((SELECT MAX(" + tc[1] + ") FROM "
                        + tc[0] + "), 0) + 1, false)");
            }
        }
    }
}
