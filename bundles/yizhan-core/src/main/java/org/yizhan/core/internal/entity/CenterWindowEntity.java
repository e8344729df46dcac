package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A window switched on or off at one center; no row means the default (standard on, special off). */
@Entity
@Table(name = "YZ_CENTER_WINDOW")
public class CenterWindowEntity {
    /** centerId + ':' + type */
    @Id
    @Column(length = 100)
    private String id;
    private long centerId;
    @Column(nullable = false, length = 64)
    private String type;
    private boolean enabled;
    @Column(length = 64)
    private String changedBy;
    private long changedAtMillis;

    public static String key(long centerId, String type) {
        return centerId + ":" + type;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public void setChangedBy(String changedBy) {
        this.changedBy = changedBy;
    }

    public long getChangedAtMillis() {
        return changedAtMillis;
    }

    public void setChangedAtMillis(long changedAtMillis) {
        this.changedAtMillis = changedAtMillis;
    }
}
