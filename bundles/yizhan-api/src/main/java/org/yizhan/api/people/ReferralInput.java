package org.yizhan.api.people;

/** A referral (R11, R16): the applicant's matter belongs to another window, here or at another center. */
public class ReferralInput {
    /** The center whose window handles it; absent: the caller's own. */
    public Long centerId;
    public String windowType;
    public String itemCode;
    public String visitorName;
    /** What the applicant asked about (at most 500 characters). */
    public String note;
}
