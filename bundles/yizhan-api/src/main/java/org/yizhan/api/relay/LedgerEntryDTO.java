package org.yizhan.api.relay;

/** One visit in a village room's ledger (R5): an application, a consultation or a reply. */
public class LedgerEntryDTO {
    public static final String APPLICATION = "APPLICATION";
    public static final String CONSULTATION = "CONSULTATION";
    public static final String REPLY = "REPLY";
    /** R11, R16: the applicant was sent to another window or center with a referral slip. */
    public static final String REFERRAL = "REFERRAL";

    public long id;
    public long centerId;
    public long atMillis;
    public String kind;
    public String caseNumber;
    public String itemCode;
    /** Masked, as everywhere outside the case page. */
    public String visitorName;
    public String staff;
    public String note;
    /** The village committee member on duty that day (R25). */
    public String onDuty;
}
