package org.yizhan.api;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves an installation to another database: copies every table of the database in service into
 * an empty PostgreSQL database, in one transaction there, while writes here wait. County
 * administrators only; the copy is audited.
 */
@ProviderType
public interface DatabaseCopyService {

    /**
     * Copies into the database the settings name ({@code osgi.jdbc.driver.name}, {@code url},
     * {@code user}, {@code password}: the four lines etc/org.ops4j.datasource-yizhan.cfg will
     * have), after bringing its schema to this release's version. Refuses a database that already
     * holds the platform's data, and leaves the target as it was when anything fails.
     *
     * @param progress one line per table as it is copied
     */
    DatabaseCopyDTO copyTo(Caller caller, Map<String, String> settings, Consumer<String> progress);
}
