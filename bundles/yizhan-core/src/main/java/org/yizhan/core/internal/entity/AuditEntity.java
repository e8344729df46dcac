package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One entry of the audit log; {@code seq} is the chain's order (and its key, so two nodes cannot both append the same). */
@Entity
@Table(name = "YZ_AUDIT", indexes = {
        @Index(name = "YZ_AUDIT_AT", columnList = "atMillis"),
        @Index(name = "YZ_AUDIT_ACTOR", columnList = "actor,atMillis")})
public class AuditEntity {
    @Id
    private long seq;
    private long atMillis;
    @Column(length = 64)
    private String actor;
    @Column(length = 32)
    private String kind;
    @Column(length = 200)
    private String target;
    @Column(length = 1000)
    private String detail;
    @Column(length = 64)
    private String source;
    @Column(length = 64)
    private String hash;
    @Column(length = 64)
    private String prevHash;

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
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

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
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
