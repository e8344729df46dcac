package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class FeeRecord {
    @Column(length = 200)
    private String item;
    private long amountFen;
    @Column(length = 300)
    private String standard;
    @Column(length = 40)
    private String receiptNumber;
    private long atMillis;

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public long getAmountFen() {
        return amountFen;
    }

    public void setAmountFen(long amountFen) {
        this.amountFen = amountFen;
    }

    public String getStandard() {
        return standard;
    }

    public void setStandard(String standard) {
        this.standard = standard;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public void setReceiptNumber(String receiptNumber) {
        this.receiptNumber = receiptNumber;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public void setAtMillis(long atMillis) {
        this.atMillis = atMillis;
    }
}
