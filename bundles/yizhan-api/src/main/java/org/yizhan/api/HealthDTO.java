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
    /** Why the database is down, when it is. */
    public String detail;
}
