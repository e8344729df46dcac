package org.yizhan.api;

/**
 * The platform's health as {@code GET /api/v1/health} reports it.
 * Plain public fields, in the style of {@code org.osgi.dto.DTO}.
 */
public class HealthDTO {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** {@link #UP} when every part the platform needs answers, else {@link #DOWN}. */
    public String status;
    /** The platform's version (the core bundle's version). */
    public String version;
    /** {@link #UP} when a query against the database succeeded just now. */
    public String database;
    /** How many times this installation has started; persisted, so it survives restarts. */
    public long starts;
    /** This node's name (several nodes can share one PostgreSQL database). */
    public String node;
    /**
     * True when this node runs the scheduled work (e-supervision's scan, the outbox dispatcher,
     * the retention pass): always with embedded Derby; on a shared database, one node at a time.
     */
    public Boolean scheduler;
    /** Why the database is down, when it is. */
    public String detail;
}
