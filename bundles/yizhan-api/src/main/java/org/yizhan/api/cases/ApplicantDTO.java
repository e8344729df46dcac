package org.yizhan.api.cases;

/**
 * The applicant. On input {@link #idNumber} is the full number; on output only
 * {@link #idNumberMasked} is filled: the full number never leaves the platform.
 */
public class ApplicantDTO {
    public static final String RESIDENT_ID = "RESIDENT_ID";

    public String name;
    /** RESIDENT_ID (居民身份证, checked with the GB 11643 check digit), PASSPORT, HK_MACAO_PASS, TAIWAN_PASS, USCC, OTHER. */
    public String idType;
    public String idNumber;
    public String idNumberMasked;
    public String phone;
}
