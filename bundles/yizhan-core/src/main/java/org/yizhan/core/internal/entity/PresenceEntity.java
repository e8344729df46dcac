package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A staff member's presence (R18): at the window, or away with where and until when. */
@Entity
@Table(name = "YZ_PRESENCE")
public class PresenceEntity {
    @Id @Column(length = 64)
    private String username;
    @Column(nullable = false, length = 10)
    private String status;
    @Column(length = 16)
    private String whereabouts;
    @Column(length = 100)
    private String note;
    @Column(length = 16)
    private String untilText;
    private long changedAtMillis;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getWhereabouts() {
        return whereabouts;
    }

    public void setWhereabouts(String whereabouts) {
        this.whereabouts = whereabouts;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getUntilText() {
        return untilText;
    }

    public void setUntilText(String untilText) {
        this.untilText = untilText;
    }

    public long getChangedAtMillis() {
        return changedAtMillis;
    }

    public void setChangedAtMillis(long changedAtMillis) {
        this.changedAtMillis = changedAtMillis;
    }
}
