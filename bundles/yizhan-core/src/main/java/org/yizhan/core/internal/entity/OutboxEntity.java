package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A message written in the transaction of the case change that causes it; the dispatcher delivers it at least once. */
@Entity
@Table(name = "YZ_OUTBOX", indexes = {
        @Index(name = "YZ_OUTBOX_DUE", columnList = "state,nextAttemptAtMillis"),
        @Index(name = "YZ_OUTBOX_CASE", columnList = "caseNumber"),
        @Index(name = "YZ_OUTBOX_CLAIM", columnList = "claimant"),
        @Index(name = "YZ_OUTBOX_ROUTE", columnList = "routeId,state")})
public class OutboxEntity {
    @Id
    @Column(length = 40)
    private String id;
    @Column(nullable = false, length = 20)
    private String kind;
    @Column(length = 40)
    private String caseNumber;
    @Column(length = 20)
    private String fromCenter;
    @Column(length = 20)
    private String toCenter;
    @Column(length = 20)
    private String event;
    private long createdAtMillis;
    @Column(length = 16000)
    private String payload;
    @Column(nullable = false, length = 10)
    private String state;
    private int attempts;
    private int refusals;
    private long nextAttemptAtMillis;
    private long leaseUntilMillis;
    @Column(length = 64)
    private String claimant;
    private Long sentAtMillis;
    @Column(length = 1000)
    private String lastError;
    /** The integrator's route a message is addressed to (a backfill, an event one route failed, an action it handed in), else null. */
    @Column(length = 100)
    private String routeId;

    public String getRouteId() {
        return routeId;
    }

    public void setRouteId(String routeId) {
        this.routeId = routeId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getFromCenter() {
        return fromCenter;
    }

    public void setFromCenter(String fromCenter) {
        this.fromCenter = fromCenter;
    }

    public String getToCenter() {
        return toCenter;
    }

    public void setToCenter(String toCenter) {
        this.toCenter = toCenter;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAtMillis() {
        return nextAttemptAtMillis;
    }

    public void setNextAttemptAtMillis(long nextAttemptAtMillis) {
        this.nextAttemptAtMillis = nextAttemptAtMillis;
    }

    public long getLeaseUntilMillis() {
        return leaseUntilMillis;
    }

    public void setLeaseUntilMillis(long leaseUntilMillis) {
        this.leaseUntilMillis = leaseUntilMillis;
    }

    public String getClaimant() {
        return claimant;
    }

    public void setClaimant(String claimant) {
        this.claimant = claimant;
    }

    public Long getSentAtMillis() {
        return sentAtMillis;
    }

    public void setSentAtMillis(Long sentAtMillis) {
        this.sentAtMillis = sentAtMillis;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public int getRefusals() {
        return refusals;
    }

    public void setRefusals(int refusals) {
        this.refusals = refusals;
    }
}
