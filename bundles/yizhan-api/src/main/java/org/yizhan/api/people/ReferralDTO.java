package org.yizhan.api.people;

/** A referral slip (转办单, R11, R16) as printed for the applicant; it is also in the ledger of the referring center. */
public class ReferralDTO {
    public long id;
    public String at;
    public long fromCenterId;
    public String fromCenterName;
    public String staff;
    public long toCenterId;
    public String toCenterName;
    public String windowType;
    public String windowName;
    public String itemCode;
    public String itemName;
    public String visitorName;
    public String note;
}
