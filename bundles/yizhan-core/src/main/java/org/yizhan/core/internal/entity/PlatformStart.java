package org.yizhan.core.internal.entity;

import java.time.Instant;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One row per start of the platform on this database: the simplest fact that proves the
 * database is written to and kept across restarts.
 */
@Entity
@Table(name = "YZ_PLATFORM_START")
public class PlatformStart {

    @Id
    @TableGenerator(name = "platformStartIds", table = "YZ_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "PLATFORM_START", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "platformStartIds")
    private long id;

    private long startedAtMillis;

    private String version;

    private String node;

    protected PlatformStart() {
    }

    public PlatformStart(Instant startedAt, String version, String node) {
        this.startedAtMillis = startedAt.toEpochMilli();
        this.version = version;
        this.node = node;
    }

    public long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    public String getVersion() {
        return version;
    }

    public String getNode() {
        return node;
    }
}
