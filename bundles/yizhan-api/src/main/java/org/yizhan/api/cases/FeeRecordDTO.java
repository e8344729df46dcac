package org.yizhan.api.cases;

/** A fee charged on a case (R19), with its official receipt number. */
public class FeeRecordDTO {
    public String item;
    public long amountFen;
    public String standard;
    public String receiptNumber;
    public String at;
}
