package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class Opinion {
    @Column(length = 64)
    private String window;
    @Column(length = 20)
    private String opinion;
    @Column(length = 1000)
    private String reason;
    @Column(length = 64)
    private String byUser;
    private long atMillis;

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getByUser() {
        return byUser;
    }

    public void setByUser(String byUser) {
        this.byUser = byUser;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public void setAtMillis(long atMillis) {
        this.atMillis = atMillis;
    }
}
