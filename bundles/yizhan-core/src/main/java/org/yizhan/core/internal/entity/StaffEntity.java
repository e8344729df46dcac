package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A staff account: the one realm behind the REST API, the browser UI and the Karaf console.
 * The password is kept only as a slow salted hash ({@code Passwords}); roles and windows are
 * comma-separated lists of short codes.
 */
@Entity
@Table(name = "YZ_STAFF")
public class StaffEntity {
    @Id
    @Column(length = 64)
    private String username;
    private long centerId;
    @Column(length = 100)
    private String displayName;
    @Column(length = 200)
    private String passwordHash;
    @Column(length = 200)
    private String roles;
    @Column(length = 1000)
    private String windows;
    private boolean active = true;
    private boolean mustChangePassword;
    private int failedSignIns;
    private long lockedUntilMillis;
    /** Made by demo mode (password "demo", no forced change). */
    private boolean demo;
    /** Changes with every change of credentials or standing, so cached sign-ins are dropped. */
    private long stamp;
    private long createdAtMillis;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public String getWindows() {
        return windows;
    }

    public void setWindows(String windows) {
        this.windows = windows;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public void setFailedSignIns(int failedSignIns) {
        this.failedSignIns = failedSignIns;
    }

    public long getLockedUntilMillis() {
        return lockedUntilMillis;
    }

    public void setLockedUntilMillis(long lockedUntilMillis) {
        this.lockedUntilMillis = lockedUntilMillis;
    }

    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }

    public long getStamp() {
        return stamp;
    }

    public void setStamp(long stamp) {
        this.stamp = stamp;
    }

    public long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }
}
