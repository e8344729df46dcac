package org.yizhan.api.feedback;

/** A finished case nobody has rated yet, some days after it finished: its applicant may be invited to rate. */
public class UnratedDTO {
    public String caseNumber;
    public String itemName;
    public String windowType;
    public long decidingCenterId;
    public String status;
    public String finishedOn;
    public String applicantMasked;
}
