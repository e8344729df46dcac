package org.yizhan.core.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A connection of its own, outside the platform's pool, made by an installed JDBC driver (its
 * OSGi DataSourceFactory) from data source settings as etc/org.ops4j.datasource-yizhan.cfg has
 * them: {@code osgi.jdbc.driver.name}, {@code url}, {@code user}, {@code password}.
 */
public final class DriverConnections {

    private DriverConnections() {
    }

    /** {@code settings}: a setting's value by its name (a configuration's or a file's), null when absent. */
    public static Connection connect(BundleContext context, Function<String, ?> settings, Map<String, String> extra) throws SQLException {
        Object driverName = settings.apply(DataSourceFactory.OSGI_JDBC_DRIVER_NAME);
        Object url = settings.apply("url");
        if (driverName == null || url == null) {
            throw new SQLException("the settings name no " + (driverName == null ? DataSourceFactory.OSGI_JDBC_DRIVER_NAME : "url"));
        }
        Collection<ServiceReference<DataSourceFactory>> refs;
        try {
            refs = context.getServiceReferences(DataSourceFactory.class, "(" + DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=" + driverName + ")");
        } catch (InvalidSyntaxException e) {
            throw new SQLException("not a driver name: " + driverName, e);
        }
        if (refs.isEmpty()) {
            throw new SQLException("no JDBC driver '" + driverName + "' installed");
        }
        ServiceReference<DataSourceFactory> ref = refs.iterator().next();
        DataSourceFactory factory = context.getService(ref);
        try {
            Driver driver = factory.createDriver(null);
            Properties info = new Properties();
            for (String k : new String[] {"user", "password"}) {
                Object v = settings.apply(k);
                if (v != null) {
                    info.setProperty(k, v.toString());
                }
            }
            info.putAll(extra);
            Connection c = driver.connect(url.toString(), info);
            if (c == null) {
                throw new SQLException("the driver '" + driverName + "' does not take the URL " + url);
            }
            return c;
        } finally {
            context.ungetService(ref);
        }
    }
}
