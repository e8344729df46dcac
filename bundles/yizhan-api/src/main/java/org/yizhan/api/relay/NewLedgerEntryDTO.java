package org.yizhan.api.relay;

/** A visit registered by hand: a consultation (R5 "consultations included"). */
public class NewLedgerEntryDTO {
    public Long centerId;
    public String visitorName;
    public String itemCode;
    public String note;
}
