package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A day of a village room's duty roster (R25). */
@Entity
@Table(name = "YZ_ROSTER", indexes = {@Index(name = "YZ_ROSTER_CENTER", columnList = "centerId,onDay")})
public class RosterEntity {
    @Id @Column(length = 40)
    private String rosterKey;

    /** The key of a center's day. */
    public static String key(long centerId, String day) {
        return centerId + "/" + day;
    }

    private long centerId;
    @Column(nullable = false, length = 10)
    private String onDay;
    @Column(nullable = false, length = 50)
    private String name;

    public String getRosterKey() {
        return rosterKey;
    }

    public void setRosterKey(String rosterKey) {
        this.rosterKey = rosterKey;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getOnDay() {
        return onDay;
    }

    public void setOnDay(String onDay) {
        this.onDay = onDay;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
