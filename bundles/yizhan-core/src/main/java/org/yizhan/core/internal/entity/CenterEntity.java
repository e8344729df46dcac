package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A center of the network (R1). */
@Entity
@Table(name = "YZ_CENTER")
public class CenterEntity {
    @Id
    private long id;
    @Column(unique = true, nullable = false, length = 32)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 200)
    private String nameEn;
    @Column(nullable = false, length = 10)
    private String level;
    private Long parentId;
    /** Closed centers take no new cases; their cases stay readable. */
    private boolean closed;
    private long closedAtMillis;

    public boolean isClosed() {
        return closed;
    }

    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    public long getClosedAtMillis() {
        return closedAtMillis;
    }

    public void setClosedAtMillis(long closedAtMillis) {
        this.closedAtMillis = closedAtMillis;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }
}
