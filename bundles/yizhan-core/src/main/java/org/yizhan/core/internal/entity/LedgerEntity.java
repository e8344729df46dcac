package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A visit in a village room's ledger (R5): every application, consultation and reply. */
@Entity
@Table(name = "YZ_LEDGER", indexes = {
        @Index(name = "YZ_LEDGER_CENTER", columnList = "centerId,atMillis")})
public class LedgerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long centerId;
    private long atMillis;
    @Column(nullable = false, length = 20)
    private String kind;
    @Column(length = 40)
    private String caseNumber;
    @Column(length = 40)
    private String itemCode;
    @Column(length = 100)
    private String visitorName;
    @Column(length = 64)
    private String staff;
    @Column(length = 1000)
    private String note;
    /** The village committee member on duty that day (R25), from the room's roster. */
    @Column(length = 50)
    private String onDuty;

    public String getOnDuty() {
        return onDuty;
    }

    public void setOnDuty(String onDuty) {
        this.onDuty = onDuty;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public void setAtMillis(long atMillis) {
        this.atMillis = atMillis;
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

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public String getVisitorName() {
        return visitorName;
    }

    public void setVisitorName(String visitorName) {
        this.visitorName = visitorName;
    }

    public String getStaff() {
        return staff;
    }

    public void setStaff(String staff) {
        this.staff = staff;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
