package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A message this container has taken, by its idempotency key: the same message again changes nothing. */
@Entity
@Table(name = "YZ_INBOX", indexes = @Index(name = "YZ_INBOX_PURGE", columnList = "kind,receivedAtMillis"))
public class InboxEntity {
    @Id
    @Column(length = 40)
    private String id;
    @Column(length = 20)
    private String kind;
    @Column(length = 40)
    private String caseNumber;
    private long receivedAtMillis;
    @Column(length = 40)
    private String receipt;
    /** SHA-256 of what the message says: the same id again with other content is a forgery, not a repeat. */
    @Column(length = 64)
    private String digest;

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
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

    public long getReceivedAtMillis() {
        return receivedAtMillis;
    }

    public void setReceivedAtMillis(long receivedAtMillis) {
        this.receivedAtMillis = receivedAtMillis;
    }

    public String getReceipt() {
        return receipt;
    }

    public void setReceipt(String receipt) {
        this.receipt = receipt;
    }
}
