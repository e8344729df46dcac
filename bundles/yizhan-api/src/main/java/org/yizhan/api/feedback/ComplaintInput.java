package org.yizhan.api.feedback;

/**
 * A complaint (R22) as the complaint office records it ({@code POST /complaints}) or the public
 * files it on the web ({@code POST /public/complaints}, always written).
 */
public class ComplaintInput {
    /** ATTITUDE, RULES, FEES, INTEGRITY, OTHER. */
    public String category;
    /** ORAL or WRITTEN; written is required for INTEGRITY and for a serious one. */
    public String form;
    public Boolean serious;
    /** What happened, at most 2,000 characters. */
    public String text;
    public Long centerId;
    public String windowType;
    public String caseNumber;
    /** The staff member complained about, as the complainant names them (at most 64 characters). */
    public String staff;
    public Complainant complainant;

    public static class Complainant {
        public String name;
        public String phone;
    }
}
