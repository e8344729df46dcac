package org.yizhan.core.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The schema's versioned steps (Liquibase, {@value #CHANGELOG}), applied at every start before
 * anything else touches the database. The caller makes sure one node at a time runs them (on
 * PostgreSQL an advisory lock; embedded Derby has one process by construction), so a lock that
 * Liquibase's own table still shows can only be left by a process that died mid-update, and is
 * released first.
 */
public final class Migrations {

    /** The changelog's path; Liquibase records it with every step applied, so it never moves. */
    public static final String CHANGELOG = "org/yizhan/core/db/changelog.xml";

    /**
     * Liquibase offers every kind of change it knows, and reports at INFO, with a stack trace,
     * the one it cannot make here (loading CSV data, whose library the platform does not ship and
     * no step uses). Held here: java.util.logging keeps its loggers only weakly.
     */
    private static final java.util.logging.Logger SERVICE_LOCATOR = java.util.logging.Logger.getLogger("liquibase.servicelocator");

    static {
        SERVICE_LOCATOR.setLevel(java.util.logging.Level.WARNING);
    }

    private Migrations() {
    }

    /** Applies the steps this database has not had yet, on this connection; returns how many. */
    public static int update(Connection connection) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        // Liquibase's progress goes to the log, not to the console (System.out)
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // a county's network may not reach the Internet, and nothing about it leaves the county
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        int[] applied = new int[1];
        Scope.child(scope, () -> {
            liquibase.database.Database db = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (db instanceof DerbyDatabase derby) {
                // the platform's own embedded database: never shut it down when Liquibase is done
                derby.setShutdownEmbeddedDerby(false);
            }
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), db);
            // the summary of what ran goes to the log too, never to the console
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            liquibase.forceReleaseLocks();
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            if (pending > 0) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            applied[0] = pending;
        });
        return applied[0];
    }
}
