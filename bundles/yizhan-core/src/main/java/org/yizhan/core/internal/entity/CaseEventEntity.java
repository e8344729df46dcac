package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One event of a case's history: append-only; each hashes the one before it. */
@Entity
@Table(name = "YZ_CASE_EVENT", uniqueConstraints = @UniqueConstraint(columnNames = {"caseNumber", "seq"}))
public class CaseEventEntity {
    /** caseNumber + '#' + seq */
    @Id
    @Column(length = 50)
    private String id;
    @Column(nullable = false, length = 40)
    private String caseNumber;
    private int seq;
    private long atMillis;
    @Column(length = 64)
    private String actor;
    @Column(length = 32)
    private String role;
    private Long centerId;
    @Column(nullable = false, length = 32)
    private String action;
    @Column(length = 24)
    private String fromStatus;
    @Column(length = 24)
    private String toStatus;
    @Column(length = 1000)
    private String reason;
    /** Canonical key=value lines (see EventData). */
    @Column(length = 4000)
    private String data;
    @Column(length = 64)
    private String hash;
    @Column(length = 64)
    private String prevHash;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public int getSeq() {
        return seq;
    }

    public void setSeq(int seq) {
        this.seq = seq;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public void setAtMillis(long atMillis) {
        this.atMillis = atMillis;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public Long getCenterId() {
        return centerId;
    }

    public void setCenterId(Long centerId) {
        this.centerId = centerId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public void setFromStatus(String fromStatus) {
        this.fromStatus = fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public void setToStatus(String toStatus) {
        this.toStatus = toStatus;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }
}
